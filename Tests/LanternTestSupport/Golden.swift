import Foundation

/// Golden files: expected output kept beside the tests and compared byte for byte.
///
/// A missing golden file is written from the actual output and the comparison *fails*, so a
/// person reviews every new golden file before it counts (ArgumentParser does the same).
/// Set `LANTERN_RECORD_GOLDEN=1` to rewrite changed files after reviewing a diff.
public enum Golden {
    public enum Outcome: Equatable, Sendable {
        case matched
        case recorded(path: String)
        case differs(path: String, expected: String)
    }

    public static func compare(_ actual: String, to file: URL) -> Outcome {
        let record = ProcessInfo.processInfo.environment["LANTERN_RECORD_GOLDEN"] == "1"
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: file)
            return .recorded(path: file.path)
        }
        if expected == actual { return .matched }
        if record {
            try? Data(actual.utf8).write(to: file)
            return .recorded(path: file.path)
        }
        return .differs(path: file.path, expected: expected)
    }

    /// The first line where two texts differ, for a readable failure message.
    public static func firstDifference(_ a: String, _ b: String) -> String {
        let left = a.components(separatedBy: "\n")
        let right = b.components(separatedBy: "\n")
        for index in 0..<max(left.count, right.count) {
            let l = index < left.count ? left[index] : "<end>"
            let r = index < right.count ? right[index] : "<end>"
            if l != r { return "line \(index + 1):\n  expected: \(l)\n  actual:   \(r)" }
        }
        return "no difference"
    }
}

/// Finds folders of the repository and of `shared/` from a test file's path.
public enum RepositoryPaths {
    /// The package root: the nearest folder above `file` holding Package.swift.
    public static func packageRoot(from file: String = #filePath) -> URL {
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// `../shared` beside the repository (third-party data used by tests), if present.
    public static func shared(from file: String = #filePath) -> URL? {
        if let path = ProcessInfo.processInfo.environment["LANTERN_SHARED"] { return URL(fileURLWithPath: path) }
        var folder = packageRoot(from: file)
        while folder.path != "/" {
            let candidate = folder.deletingLastPathComponent().appendingPathComponent("shared")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("conformance").path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
