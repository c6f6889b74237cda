// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Lantern",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lantern", targets: ["lantern"]),
        .library(name: "LanternMarkdown", targets: ["LanternMarkdown"]),
        .library(name: "LanternCurriculum", targets: ["LanternCurriculum"]),
        .library(name: "LanternSite", targets: ["LanternSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev), behind a one-header shim.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Diagnostics and located errors shared by every layer.
        .target(name: "LanternDiagnostics"),
        // Markdown: one cmark parse into an immutable Swift tree; safe HTML and terminal text.
        .target(name: "LanternMarkdown", dependencies: ["CCmark"]),
        // Workspace loading and validation: lantern.yml, program, modules, links, crisis resources.
        .target(
            name: "LanternCurriculum",
            dependencies: ["LanternDiagnostics", "LanternMarkdown", .product(name: "Yams", package: "Yams")]
        ),
        // The static site: curriculum pages, search index, verification pages (Mustache templates).
        .target(
            name: "LanternSite",
            dependencies: ["LanternDiagnostics", "LanternMarkdown", "LanternCurriculum",
                           .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The command-line program: ArgumentParser commands only.
        .executableTarget(
            name: "lantern",
            dependencies: [
                "LanternDiagnostics", "LanternMarkdown", "LanternCurriculum", "LanternSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by every test target: temporary workspaces, running the built binary.
        .target(name: "LanternTestSupport", path: "Tests/LanternTestSupport"),
        .testTarget(name: "LanternMarkdownTests", dependencies: ["LanternMarkdown", "CCmark", "LanternTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "LanternCurriculumTests", dependencies: ["LanternCurriculum", "LanternTestSupport"]),
        .testTarget(name: "LanternCLITests", dependencies: ["LanternTestSupport"]),
        .testTarget(name: "LanternSiteTests", dependencies: ["LanternSite", "LanternCurriculum", "LanternTestSupport"],
                    exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
