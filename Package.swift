// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Lantern",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lantern", targets: ["lantern"]),
        .library(name: "LanternMarkdown", targets: ["LanternMarkdown"]),
        .library(name: "LanternCurriculum", targets: ["LanternCurriculum"]),
        .library(name: "LanternCertification", targets: ["LanternCertification"]),
        .library(name: "LanternRecords", targets: ["LanternRecords"]),
        .library(name: "LanternAssessment", targets: ["LanternAssessment"]),
        .library(name: "LanternTerminal", targets: ["LanternTerminal"]),
        .library(name: "LanternSite", targets: ["LanternSite"]),
        .library(name: "LanternApplication", targets: ["LanternApplication"]),
        .library(name: "LanternServe", targets: ["LanternServe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh", exact: "0.15.1"),
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
        .target(name: "LanternMarkdown", dependencies: ["CCmark", "LanternDiagnostics"]),
        // Workspace loading and validation: lantern.yml, program, modules, links, crisis resources.
        .target(
            name: "LanternCurriculum",
            dependencies: ["LanternDiagnostics", "LanternMarkdown", .product(name: "Yams", package: "Yams"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        // zlib from the system (Debian: zlib1g-dev): GZIP for Bitstring Status Lists.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // libqrencode from the system (Debian: libqrencode-dev): the QR code on printed certificates.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // Certificates: keys, Open Badges 3.0 credentials, VC-JWT (ES256), status list, verification.
        .target(
            name: "LanternCertification",
            dependencies: [
                "LanternDiagnostics", "LanternCurriculum", "LanternAssessment", "LanternRecords", "CZlib", "CQRencode",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Benchmark (not a test): issue and verify 10,000 credentials, print the rates.
        .executableTarget(
            name: "lantern-bench-certs",
            dependencies: ["LanternCertification", "LanternCurriculum"]
        ),
        // Quizzes and checklists: model, Markdown parser, exact grading, attempts, lint, GIFT/Aiken.
        .target(
            name: "LanternAssessment",
            dependencies: ["LanternDiagnostics", "LanternMarkdown", "LanternCurriculum",
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Records: SQLite through GRDB (WAL pool), migrations, append-only attempts,
        // observations and a hash-chained audit log; transcripts, reports, backup, check.
        .target(
            name: "LanternRecords",
            dependencies: [
                "LanternDiagnostics", "LanternCurriculum", "LanternAssessment",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The learner in a terminal: pager, course map, quiz runner over an abstract terminal.
        .target(
            name: "LanternTerminal",
            dependencies: ["LanternDiagnostics", "LanternMarkdown", "LanternCurriculum", "LanternAssessment"]
        ),
        // The static site: curriculum pages, search index, verification pages (Lantern's own Mustache engine);
        // the build cache beside the output (SHA-256 of inputs) that makes rebuilds incremental.
        .target(
            name: "LanternSite",
            dependencies: ["LanternDiagnostics", "LanternMarkdown", "LanternCurriculum", "LanternCertification",
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The application layer: the course loaded once per command, who is acting, where output
        // goes, and one use case per job (TakeQuiz, RecordObservation, …) that every front end calls.
        .target(
            name: "LanternApplication",
            dependencies: ["LanternDiagnostics", "LanternMarkdown", "LanternCurriculum", "LanternAssessment", "LanternRecords",
                           "LanternCertification", "LanternSite", "LanternTerminal"]
        ),
        // `lantern serve`: the course over SSH (swift-nio-ssh): host key, key-based identity,
        // enrolment by one-time code, the learner per session on its own thread, staff exec.
        .target(
            name: "LanternServe",
            dependencies: ["LanternDiagnostics", "LanternCurriculum", "LanternAssessment", "LanternRecords",
                           "LanternTerminal", "LanternApplication",
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOSSH", package: "swift-nio-ssh"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The command-line program: ArgumentParser commands only.
        .executableTarget(
            name: "lantern",
            dependencies: [
                "LanternDiagnostics", "LanternMarkdown", "LanternCurriculum", "LanternAssessment", "LanternRecords", "LanternTerminal", "LanternSite",
                "LanternCertification", "LanternApplication", "LanternServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (not tests): `swift run -c release lantern-bench grading`.
        .executableTarget(name: "lantern-bench", dependencies: ["LanternAssessment"]),
        // Helpers shared by every test target: temporary workspaces, running the built binary.
        .target(name: "LanternTestSupport", path: "Tests/LanternTestSupport"),
        .testTarget(name: "LanternMarkdownTests", dependencies: ["LanternMarkdown", "CCmark", "LanternTestSupport"],
                    exclude: ["Golden"]),
        .testTarget(name: "LanternCurriculumTests", dependencies: ["LanternCurriculum", "LanternTestSupport"]),
        .testTarget(name: "LanternAssessmentTests", dependencies: ["LanternAssessment", "LanternCurriculum", "LanternMarkdown", "LanternDiagnostics", "LanternTestSupport"]),
        .testTarget(name: "LanternCLITests", dependencies: ["LanternTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                                                          .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "LanternTerminalTests", dependencies: ["LanternTerminal", "LanternAssessment", "LanternCurriculum", "LanternTestSupport"]),
        .testTarget(name: "LanternApplicationTests", dependencies: [
            "LanternApplication", "LanternTerminal", "LanternRecords", "LanternAssessment", "LanternCurriculum", "LanternDiagnostics",
            "LanternTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "LanternServeTests", dependencies: [
            "LanternServe", "LanternApplication", "LanternRecords", "LanternDiagnostics", "LanternTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOEmbedded", package: "swift-nio"),
        ]),
        .testTarget(name: "LanternRecordsTests", dependencies: [
            "LanternRecords", "LanternAssessment", "LanternTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Learner figures (not a test): `swift run -c release lantern-bench-learn`.
        .executableTarget(name: "lantern-bench-learn", dependencies: ["LanternTerminal", "LanternCurriculum"]),
        // Benchmark for the records store (not a test): `swift run -c release lantern-bench-records`.
        .executableTarget(name: "lantern-bench-records", dependencies: [
            "LanternRecords", "LanternAssessment", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "LanternSiteTests", dependencies: ["LanternSite", "LanternCertification", "LanternCurriculum", "LanternDiagnostics", "LanternTestSupport"],
                    exclude: ["Golden", "MustacheSpec"]),
        .testTarget(name: "LanternCertificationTests",
                    dependencies: ["LanternApplication", "LanternCertification", "LanternCurriculum", "LanternDiagnostics", "LanternRecords", "LanternAssessment",
                                   "LanternTestSupport", .product(name: "Crypto", package: "swift-crypto"),
                                   .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (libFuzzer), only when asked for: `scripts/fuzz.sh` sets LANTERN_FUZZ=1 and builds
// into .build-fuzz with libFuzzer and AddressSanitizer, so `swift build` / `swift test` never see them.
if Context.environment["LANTERN_FUZZ"] == "1" {
    package.targets.append(.executableTarget(
        name: "lantern-fuzz",
        dependencies: ["LanternDiagnostics", "LanternMarkdown", "LanternCurriculum", "LanternAssessment", "LanternRecords",
                       "LanternCertification", .product(name: "Crypto", package: "swift-crypto")],
        path: "Fuzz/lantern-fuzz"
    ))
}
