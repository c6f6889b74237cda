import Foundation
import LanternDiagnostics
@preconcurrency import Yams

/// Adds a module to a workspace: writes `curriculum/ID.md` from a template and appends the id
/// to `modules:` in `program.yml`, keeping the rest of that file (comments, order) as it was.
public enum ModuleScaffold {
    public static func add(id: String, title: String?, to workspace: URL, displayRoot: String,
                           paths: WorkspaceConfig.Paths = .init()) throws(LanternError) {
        guard Slug.isValid(id) else {
            throw LanternError(.invalidId, "'\(id)' is not a valid module id", hint: "try '\(Slug.suggestion(for: id))' (a-z, 0-9 and hyphens)")
        }
        let moduleRelative = paths.curriculum + "/" + id + ".md"
        let moduleURL = workspace.appendingPathComponent(moduleRelative)
        let moduleDisplay = WorkspaceScaffold.join(displayRoot, moduleRelative)
        guard !FileManager.default.fileExists(atPath: moduleURL.path) else {
            throw LanternError(.alreadyExists, "\(moduleDisplay) already exists; nothing was written",
                               at: SourceLocation(path: moduleDisplay))
        }
        let programRelative = paths.curriculum + "/" + Program.fileName
        let programURL = workspace.appendingPathComponent(programRelative)
        let programDisplay = WorkspaceScaffold.join(displayRoot, programRelative)
        let programText = try SourceText.read(programURL, displayPath: programDisplay).text
        let updated = try insert(id, intoModulesOf: programText, path: programDisplay)

        let shownTitle = title ?? id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        try FileWriter.writeAtomically(template(id: id, title: shownTitle), to: moduleURL, displayPath: moduleDisplay)
        do {
            try FileWriter.writeAtomically(updated, to: programURL, displayPath: programDisplay)
        } catch {
            try? FileManager.default.removeItem(at: moduleURL)
            throw error
        }
    }

    /// The program text with `id` appended to its `modules:` list.
    static func insert(_ id: String, intoModulesOf text: String, path: String) throws(LanternError) -> String {
        try insert(id, intoListAt: "modules", of: text, path: path, lineOffset: 0)
    }

    /// YAML `text` (lines `lineOffset + 1…` of the file at `path`) with `id` appended to the list
    /// under `key` (a flow `[a, b]` or block `- a` list), or `key: [id]` added at the end; the
    /// rest (comments, order) kept as it was.
    static func insert(_ id: String, intoListAt key: String, of text: String, path: String, lineOffset: Int) throws(LanternError) -> String {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw LanternError(.yamlSyntax, "\(path) has a YAML error; fix it first (run 'lantern check')", at: SourceLocation(path: path))
        }
        guard let mapping = root?.mapping else {
            throw LanternError(.expectedMapping, "\(path) should be a set of 'key: value' lines", at: SourceLocation(path: path))
        }
        var lines = text.components(separatedBy: "\n")
        guard let (keyNode, value) = mapping.first(where: { $0.key.string == key }) else {
            if lines.last == "" { lines.removeLast() }
            lines.append("\(key): [\(id)]")
            return lines.joined(separator: "\n") + "\n"
        }
        let keyLine = lineOffset + (keyNode.mark?.line ?? 1)
        guard let sequence = value.sequence else {
            throw LanternError(.wrongType, "'\(key)' in \(path) should be a list", at: SourceLocation(path: path, line: keyLine))
        }
        if sequence.contains(where: { $0.string == id }) {
            throw LanternError(.alreadyExists, "'\(id)' is already listed under '\(key)'", at: SourceLocation(path: path, line: keyLine))
        }
        if isFlowList(sequence, in: lines) {
            // Insert before the closing bracket that ends the list.
            let start = sequence.mark.map { ($0.line - 1, $0.column - 1) } ?? (0, 0)
            var depth = 0
            var inQuote: Character?
            for lineIndex in start.0..<lines.count {
                let line = Array(lines[lineIndex])
                let from = lineIndex == start.0 ? start.1 : 0
                for column in from..<line.count {
                    let character = line[column]
                    if let quote = inQuote {
                        if character == quote { inQuote = nil }
                        continue
                    }
                    switch character {
                    case "\"", "'": inQuote = character
                    case "[": depth += 1
                    case "]":
                        depth -= 1
                        if depth == 0 {
                            let before = String(line[..<column])
                            let separator = sequence.isEmpty ? "" : (before.trimmingCharacters(in: .whitespaces).hasSuffix(",") ? " " : ", ")
                            let trimmedBefore = sequence.isEmpty ? before : String(before.reversed().drop(while: { $0 == " " }).reversed())
                            lines[lineIndex] = trimmedBefore + separator + id + String(line[column...])
                            return lines.joined(separator: "\n")
                        }
                    default: break
                    }
                }
                if depth < 0 { break }
            }
            throw LanternError(.unsupportedLayout, "could not find the end of the '\(key)' list in \(path)",
                               at: SourceLocation(path: path, line: keyLine), hint: "add '\(id)' to the list by hand")
        }
        // Block list: add "- id" after the last item, with the same indentation.
        guard let last = sequence.last, let mark = last.mark, mark.line - 1 < lines.count else {
            throw LanternError(.unsupportedLayout, "could not find the end of the '\(key)' list in \(path)",
                               at: SourceLocation(path: path, line: keyLine), hint: "add '\(id)' to the list by hand")
        }
        let itemLine = lines[mark.line - 1]
        let indent = String(itemLine.prefix { $0 == " " })
        lines.insert(indent + "- " + id, at: mark.line)
        return lines.joined(separator: "\n")
    }

    /// Whether the list is written `[a, b]` (its first character is a bracket).
    private static func isFlowList(_ sequence: Node.Sequence, in lines: [String]) -> Bool {
        guard let mark = sequence.mark, mark.line - 1 < lines.count else { return false }
        let line = Array(lines[mark.line - 1])
        return mark.column - 1 < line.count && line[mark.column - 1] == "["
    }

    static func template(id: String, title: String) -> String {
        let quotedTitle = "\"" + title.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return """
        ---
        id: \(id)
        title: \(quotedTitle)
        summary: One sentence on what this module helps a learner do.
        minutes: 60
        outcomes:
          - id: lo1
            text: What a learner can do after this module.
        ---

        # \(title)

        Write the module here in plain language. Link to other modules by file name,
        as in `[the crisis module](crisis.md)`, and give every image alt text.

        """
    }
}
