import LanternDiagnostics

/// A file split into its YAML front matter (between `---` lines) and its Markdown body.
public struct FrontMatterSplit: Sendable {
    /// The YAML text, without the `---` lines.
    public var yaml: String
    /// Line number of the first YAML line in the file.
    public var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    public var body: String
    /// Number of lines before the body, to add to body positions.
    public var bodyLineOffset: Int

    /// Splits `source`. A file must start with a `---` line; the block ends at the next line
    /// that is `---` or `...`.
    public static func split(_ source: SourceText) throws(LanternError) -> FrontMatterSplit {
        let text = source.text
        let fileStart = SourceLocation(path: source.displayPath, line: 1, column: 1)
        if text.allSatisfy({ $0.isWhitespace }) {
            throw LanternError(.emptyFile, "the file is empty", at: fileStart,
                               hint: "start with a front matter block: a line '---', the YAML keys, and another '---'")
        }
        var lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard isFence(lines[0], closing: false) else {
            throw LanternError(.missingFrontMatter, "the file does not start with a front matter block", at: fileStart,
                               hint: "the first line must be '---', followed by keys such as 'id:' and 'title:', and then another '---'")
        }
        let rest = lines.count > 1 ? lines[1] : ""
        lines = []
        var lineNumber = 1
        var yamlEnd = rest.startIndex
        var cursor = rest.startIndex
        while cursor < rest.endIndex {
            lineNumber += 1
            let lineEnd = rest[cursor...].firstIndex(of: "\n") ?? rest.endIndex
            if isFence(rest[cursor..<lineEnd], closing: true) {
                yamlEnd = cursor
                let bodyStart = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
                return FrontMatterSplit(yaml: String(rest[rest.startIndex..<yamlEnd]), yamlFirstLine: 2,
                                        body: String(rest[bodyStart...]), bodyLineOffset: lineNumber)
            }
            cursor = lineEnd < rest.endIndex ? rest.index(after: lineEnd) : rest.endIndex
        }
        throw LanternError(.unclosedFrontMatter, "the front matter block that starts here is never closed", at: fileStart,
                           hint: "add a line '---' after the last front matter key")
    }

    /// Splits `source` and parses its front matter as YAML, with positions in the file.
    public static func parse(_ source: SourceText) throws(LanternError) -> (split: FrontMatterSplit, frontMatter: YAMLNode) {
        let split = try split(source)
        let node = try YAMLNode.parse(split.yaml, path: source.displayPath, firstLine: split.yamlFirstLine)
        return (split, node)
    }

    /// As `parse`, reporting a failure to `engine` and returning nil.
    public static func parse(_ source: SourceText, engine: DiagnosticsEngine) -> (split: FrontMatterSplit, frontMatter: YAMLNode)? {
        do {
            return try parse(source)
        } catch {
            engine.emit(error.diagnostic)
            return nil
        }
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (closing && trimmed == "...")
    }
}
