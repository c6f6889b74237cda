import Foundation
import LanternTestSupport
import Testing

/// Structural accessibility checks on every page of the shipped program's site, and a real
/// HTML validator (`tidy`) when it is installed.
@Suite("the shipped program's site is well formed and accessible")
struct AccessibilityTests {
    static func builtSite() throws -> (TemporaryFolder, [String: String]) {
        let output = try TemporaryFolder(prefix: "lantern-site")
        let input = try SiteFixtures.writeVerificationInput(SiteFixtures.verification, to: output)
        let result = try LanternProcess.run(["build", "--check-links", "--output", output.path + "/site", "--verification-input", input],
                                            in: RepositoryPaths.packageRoot())
        guard result.status == 0 else { throw SiteFixtures.FixtureError(message: result.stderr) }
        var pages: [String: String] = [:]
        for (path, data) in SiteFixtures.files(in: output.url.appendingPathComponent("site")) where path.hasSuffix(".html") {
            pages[path] = String(decoding: data, as: UTF8.self)
        }
        return (output, pages)
    }

    @Test("one h1, headings in order, landmarks, skip link, language, alt text")
    func structure() throws {
        let (_, pages) = try Self.builtSite()
        #expect(pages.count >= 16)
        let heading = try Regex(#"<h([1-6])[ >]"#)
        for (path, page) in pages.sorted(by: { $0.key < $1.key }) {
            let levels = page.matches(of: heading).compactMap { Int(page[$0.range].dropFirst(2).prefix(1)) }
            #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1, "\(path): one <h1>, first")
            for (previous, next) in zip(levels, levels.dropFirst()) {
                #expect(next <= previous + 1, "\(path): heading level jumps from h\(previous) to h\(next)")
            }
            #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), "\(path)")
            #expect(page.contains("<a class=\"skip-link\" href=\"#main\">"), "\(path)")
            #expect(page.contains("<main id=\"main\""), "\(path)")
            #expect(page.contains("<header class=\"site-header\">") && page.contains("<footer class=\"site-footer\">"), "\(path)")
            #expect(page.contains("<nav aria-label=\"Site\">"), "\(path)")
            #expect(!page.contains("<img ") || !page.contains("alt=\"\""), "\(path): an image without alt text")
        }
        // The crisis module opens with where to get help, before its outcomes and content.
        let crisis = try #require(pages["modules/crisis/index.html"])
        let notice = try #require(crisis.range(of: "If you need help now"))
        let outcomes = try #require(crisis.range(of: "By the end of this module you can"))
        #expect(notice.lowerBound < outcomes.lowerBound)
        #expect(crisis.contains("988"))
    }

    @Test("every page passes the tidy HTML validator (skipped when tidy is not installed)")
    func tidyValidates() throws {
        guard let tidy = ["/usr/bin/tidy", "/usr/local/bin/tidy"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped: tidy is not installed (apt-get install tidy)")
            return
        }
        let (output, pages) = try Self.builtSite()
        for path in pages.keys.sorted() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tidy)
            process.arguments = ["-q", "-e", "--show-warnings", "yes", "--drop-empty-elements", "no",
                                 output.path + "/site/" + path]
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            // tidy 5.6 (Debian 12) predates ARIA 1.1's aria-current; every other message counts.
            let problems = report.split(separator: "\n").filter { !$0.contains("proprietary attribute \"aria-current\"") }
            #expect(process.terminationStatus <= 1 && problems.isEmpty, "\(path):\n\(problems.joined(separator: "\n"))")
        }
    }
}
