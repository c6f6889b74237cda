import Foundation
import LanternMarkdown
import LanternTestSupport
import Testing

/// Each `Golden/NAME.md` is rendered to HTML, to plain terminal text at 60 columns, and to
/// ANSI terminal text at 60 columns, and compared with the files beside it.
@Suite("Golden rendering")
struct GoldenRenderingTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let inputs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }()

    static func check(_ actual: String, _ file: String) {
        switch Golden.compare(actual, to: folder.appendingPathComponent(file)) {
        case .matched:
            break
        case .recorded(let path):
            Issue.record("recorded a new golden file at \(path); review it and run the tests again")
        case .differs(let path, let expected):
            Issue.record("\(path) differs — \(Golden.firstDifference(expected, actual))")
        }
    }

    @Test("there are golden inputs")
    func inputsExist() {
        #expect(Self.inputs.count >= 2)
    }

    @Test("HTML with heading ids", arguments: inputs)
    func html(name: String) throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent(name + ".md"), encoding: .utf8)
        let html = HTMLRenderer(options: .init(headingIDs: true)).render(MarkdownDocument(parsing: source))
        Self.check(html, name + ".html")
    }

    @Test("plain terminal text at 60 columns", arguments: inputs)
    func plain(name: String) throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent(name + ".md"), encoding: .utf8)
        let text = TerminalRenderer(options: .init(width: 60, color: false)).render(MarkdownDocument(parsing: source))
        Self.check(text, name + ".txt")
    }

    @Test("ANSI terminal text at 60 columns", arguments: inputs)
    func ansi(name: String) throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent(name + ".md"), encoding: .utf8)
        let text = TerminalRenderer(options: .init(width: 60, color: true)).render(MarkdownDocument(parsing: source))
        Self.check(text, name + ".ansi")
    }
}
