import Foundation
import LanternTestSupport
import Testing

/// Error codes are typed constants at every throw site (issue 14): no `LanternError("some-code", …)`
/// with the code as a bare string, where a typo would ship a new code silently; and every code
/// `ErrorCode` declares is documented in docs/error-codes.md (the strings stay the same on the wire).
@Suite struct ErrorCodeTests {
    static let root = RepositoryPaths.packageRoot(from: #filePath)

    static func sources() throws -> [(path: String, text: String)] {
        let folder = root.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var files: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            files.append((String(url.path.dropFirst(root.path.count + 1)), try String(contentsOf: url, encoding: .utf8)))
        }
        return files
    }

    @Test func everyThrowSiteUsesATypedCode() throws {
        let literal = try NSRegularExpression(pattern: #"LanternError\("[a-z0-9-]+""#)
        let comparison = try NSRegularExpression(pattern: #"\.code == ""#)
        var found: [String] = []
        for (path, text) in try Self.sources() where !path.hasSuffix("ErrorCode.swift") {
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                let range = NSRange(line.startIndex..., in: line)
                if literal.firstMatch(in: line, range: range) != nil || comparison.firstMatch(in: line, range: range) != nil {
                    found.append("\(path):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(found.isEmpty, "string error codes:\n\(found.joined(separator: "\n"))")
    }

    @Test func everyCodeIsDocumented() throws {
        let declared = try String(contentsOf: Self.root.appendingPathComponent("Sources/LanternDiagnostics/ErrorCode.swift"), encoding: .utf8)
        let documented = try String(contentsOf: Self.root.appendingPathComponent("docs/error-codes.md"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"ErrorCode = "([^"]+)""#)
        let codes = pattern.matches(in: declared, range: NSRange(declared.startIndex..., in: declared)).compactMap {
            Range($0.range(at: 1), in: declared).map { String(declared[$0]) }
        }
        #expect(codes.count > 100)
        let missing = codes.filter { !documented.contains("| `\($0)` |") }
        #expect(missing.isEmpty, "not in docs/error-codes.md: \(missing)")
    }
}

/// POSIX calls live in one platform file (issue 14), `LanternDiagnostics/Platform.swift`; the
/// few files that keep a folder's descriptor open across many calls (the terminal's raw mode,
/// the contained reads and directory walks, the site writer) are named here and in Platform's
/// doc comment. A new raw call anywhere else fails this test.
@Suite struct PlatformCallTests {
    static let allowed: Set<String> = [
        "Sources/LanternDiagnostics/Platform.swift",
        "Sources/LanternTerminal/Terminal/POSIXTerminal.swift",
        "Sources/LanternCurriculum/Source/ContainedFile.swift",
        "Sources/LanternCurriculum/Loading/DirectoryListing.swift",
        "Sources/LanternCurriculum/Loading/WorkspaceLoader.swift",
        "Sources/LanternSite/Output/SiteWriter.swift",
        "Sources/LanternSite/Output/TreeManifest.swift",
        "Sources/LanternSite/Cache/BuildCache.swift",
    ]

    @Test func posixCallsOnlyInThePlatformFiles() throws {
        let call = try NSRegularExpression(pattern:
            #"(^|[^.\w])(open|openat|fsync|fchmod|flock|isatty|ftruncate|unlink|unlinkat|renameat|mkdirat|fstat|fstatat|lstat|stat|opendir|fdopendir|readdir|realpath|tcsetattr|tcgetattr|ioctl|getpwuid|access|chmod|rmdir)\([^)]"#)
        var found: [String] = []
        for (path, text) in try ErrorCodeTests.sources() where !Self.allowed.contains(path) {
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") || code.hasPrefix("///") || code.contains("func ") { continue }
                guard let match = call.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)),
                      let name = Range(match.range(at: 2), in: line).map({ String(line[$0]) }) else { continue }
                // `open(…)` is also an ordinary method name; the system call takes O_ flags.
                if name.hasPrefix("open"), !line.contains("O_") { continue }
                found.append("\(path):\(number + 1): \(code)")
            }
        }
        #expect(found.isEmpty, "POSIX calls outside the platform files:\n\(found.joined(separator: "\n"))")
    }
}
