import ArgumentParser
import Foundation
import LanternCurriculum
import LanternDiagnostics

/// `--workspace PATH` for commands that work inside a workspace; by default the nearest
/// folder at or above the current one that holds a `lantern.yml`.
struct WorkspaceOption: ParsableArguments {
    @Option(name: [.customShort("C"), .long], help: ArgumentHelp("The workspace folder (default: the nearest one holding lantern.yml).", valueName: "path"))
    var workspace: String?

    func resolve() throws(LanternError) -> (root: URL, display: String) {
        try WorkspaceLocation.resolve(workspace)
    }
}

enum WorkspaceLocation {
    /// The workspace root and how to show it in messages.
    static func resolve(_ path: String?) throws(LanternError) -> (root: URL, display: String) {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if let path {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw LanternError(.notAWorkspace, "'\(path)' is not a folder", hint: "give the folder that holds lantern.yml")
            }
            let display = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
            return (URL(fileURLWithPath: path, relativeTo: current).standardizedFileURL, display == "." ? "" : display)
        }
        guard let root = WorkspaceLoader.findRoot(startingAt: current) else {
            throw LanternError(.notAWorkspace, "no lantern.yml in this folder or any folder above it",
                               hint: "run 'lantern init FOLDER' to create a workspace, or pass --workspace PATH")
        }
        return (root, relativeDisplay(of: root, from: current))
    }

    /// `""` for the current folder, `..` style paths for parents.
    static func relativeDisplay(of root: URL, from current: URL) -> String {
        let rootParts = root.standardizedFileURL.pathComponents
        let currentParts = current.standardizedFileURL.pathComponents
        guard currentParts.starts(with: rootParts) else { return root.path }
        let ups = currentParts.count - rootParts.count
        return ups == 0 ? "" : Array(repeating: "..", count: ups).joined(separator: "/")
    }
}
