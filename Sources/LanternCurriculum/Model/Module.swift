import LanternDiagnostics
import LanternMarkdown

/// One curriculum module: its front matter and its parsed Markdown body.
public struct Module: Sendable {
    public struct Outcome: Sendable, Hashable {
        public var id: String
        public var text: String
    }

    public var id: String
    public var title: String
    public var summary: String
    /// Estimated learning time.
    public var minutes: Int
    public var outcomes: [Outcome]
    /// Modules to finish first.
    public var requires: [String]
    /// Quiz and checklist ids.
    public var assessments: [String]
    public var tags: [String]
    /// Opens with the crisis-resources notice.
    public var isCrisisRelated: Bool
    /// Path relative to the workspace root (`curriculum/crisis.md`).
    public var relativePath: String
    /// Path as shown in diagnostics.
    public var displayPath: String
    public var body: MarkdownDocument

    /// Whether the module counts toward ethics hours.
    public var isEthics: Bool { tags.contains("ethics") }
}
