import Foundation
import LanternCurriculum
import LanternMarkdown
import LanternTestSupport
@testable import LanternTerminal

/// The shipped curriculum (the repository is itself a workspace), loaded once.
enum ShippedWorkspace {
    static let workspace: Workspace = {
        let root = RepositoryPaths.packageRoot(from: #filePath)
        guard let workspace = WorkspaceLoader().load(at: root).workspace else {
            fatalError("the shipped workspace does not load; run 'lantern check'")
        }
        return workspace
    }()
}

/// Text with ANSI escape sequences removed.
func stripANSI(_ text: String) -> String {
    var out = ""
    var inEscape = false
    var sawBracket = false
    for character in text {
        if inEscape {
            if character == "[" && !sawBracket { sawBracket = true; continue }
            if let ascii = character.asciiValue, (0x40...0x7E).contains(ascii) { inEscape = false }
            continue
        }
        if character == "\u{1B}" { inEscape = true; sawBracket = false; continue }
        out.append(character)
    }
    return out
}

/// Every row of a frame fits the width and the frame fits the height.
func fits(_ frame: Frame, _ size: TerminalSize) -> Bool {
    frame.rows.count <= size.rows && frame.rows.allSatisfy { DisplayWidth.of(stripANSI($0)) <= size.columns }
}
