import Foundation
import LanternMarkdown

/// The body of an assessment file as lines, so the parser can take the exact Markdown an author
/// wrote for a node (cmark gives each node's first and last line and byte column).
struct MarkdownSource {
    private let lines: [[UInt8]]
    /// Lines of the file before the body.
    let lineOffset: Int

    init(_ body: String, lineOffset: Int) {
        lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        self.lineOffset = lineOffset
    }

    /// The whole file line (1-based file numbering), without its newline.
    func line(_ fileLine: Int) -> [UInt8] {
        let index = fileLine - lineOffset - 1
        guard index >= 0, index < lines.count else { return [] }
        return lines[index]
    }

    func lineText(_ fileLine: Int) -> String { String(decoding: line(fileLine), as: UTF8.self) }

    /// The text of a paragraph-like node: from its start column on the first line, every other
    /// line with its leading indentation removed, up to its end column on the last line.
    func text(of range: SourceRange) -> String {
        var parts: [String] = []
        for fileLine in range.start.line...max(range.start.line, range.end.line) {
            var bytes = line(fileLine)
            if fileLine == range.end.line, range.end.column >= 1, range.end.column <= bytes.count {
                bytes = Array(bytes[..<range.end.column])
            }
            if fileLine == range.start.line {
                let start = min(max(0, range.start.column - 1), bytes.count)
                bytes = Array(bytes[start...])
            } else {
                bytes = Array(bytes.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            }
            parts.append(String(decoding: bytes, as: UTF8.self))
        }
        return parts.joined(separator: "\n").trimmingCharacters(in: .whitespaces)
    }

    /// The Markdown inside a block quote: each line with its indentation, `>` and one space removed.
    func quoteText(of range: SourceRange) -> String {
        var parts: [String] = []
        for fileLine in range.start.line...max(range.start.line, range.end.line) {
            var bytes = ArraySlice(line(fileLine))
            bytes = bytes.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if bytes.first == UInt8(ascii: ">") {
                bytes = bytes.dropFirst()
                if bytes.first == UInt8(ascii: " ") { bytes = bytes.dropFirst() }
            }
            parts.append(String(decoding: bytes, as: UTF8.self))
        }
        return parts.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Blocks as Markdown: each block's lines with the indentation common to them removed.
    func blockText(of nodes: [MarkdownNode]) -> String? {
        guard let first = nodes.first, let last = nodes.last else { return nil }
        var raw: [[UInt8]] = []
        for fileLine in first.range.start.line...max(first.range.start.line, last.range.end.line) { raw.append(line(fileLine)) }
        let indent = raw.filter { !$0.allSatisfy { $0 == UInt8(ascii: " ") } }
            .map { $0.prefix { $0 == UInt8(ascii: " ") }.count }.min() ?? 0
        let text = raw.map { String(decoding: $0.dropFirst(min(indent, $0.count)), as: UTF8.self) }.joined(separator: "\n")
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

