import LanternDiagnostics
import LanternMarkdown

/// One curriculum module: its front matter and its Markdown body.
///
/// The body is kept as text and parsed when asked (`parsedBody()`): a workspace of 10,000
/// modules holds 49 MB of text rather than ~300 MB of trees, and a build or a reader parses
/// each body once, where it is used.
public struct Module: Sendable {
    public struct Outcome: Sendable, Hashable {
        public var id: String
        public var text: String

        public init(id: String, text: String) {
            self.id = id
            self.text = text
        }
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
    /// The Markdown after the front matter.
    public var bodyText: String
    /// Lines before the body in the file, so positions in the parsed body point into the file.
    public var bodyLineOffset: Int

    public init(id: String, title: String, summary: String, minutes: Int, outcomes: [Outcome], requires: [String],
                assessments: [String], tags: [String], isCrisisRelated: Bool, relativePath: String, displayPath: String,
                bodyText: String, bodyLineOffset: Int) {
        self.id = id
        self.title = title
        self.summary = summary
        self.minutes = minutes
        self.outcomes = outcomes
        self.requires = requires
        self.assessments = assessments
        self.tags = tags
        self.isCrisisRelated = isCrisisRelated
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.bodyText = bodyText
        self.bodyLineOffset = bodyLineOffset
    }

    /// Parses the body (libcmark; about a tenth of a millisecond for a typical module).
    /// Call it once and keep the result rather than calling it in a loop.
    public func parsedBody() -> MarkdownDocument {
        MarkdownDocument(parsing: bodyText, lineOffset: bodyLineOffset)
    }

    /// Whether the module counts toward ethics hours.
    public var isEthics: Bool { tags.contains("ethics") }
}
