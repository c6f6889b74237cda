import LanternDiagnostics
import LanternMarkdown

/// A trainer's guide to teaching one module (`curriculum/facilitator/<module>.md`): the timed
/// sessions, activities, role-plays, prompts, debrief and safety notes that back the module's
/// `minutes`. Trainers see it (`lantern read MODULE --facilitator`, `lantern build --trainers`);
/// the learner and the public site never do.
///
/// A session is a `##` heading ending in its time, `## Asking about suicide (90 min)`; an activity
/// is a `###` heading under it, `### Role-play in threes (30 min)`. `lantern check` holds the
/// sessions to the module's minutes and each session's activities to the session's time.
public struct FacilitatorGuide: Sendable, Hashable {
    /// One timed heading: a session (`##`) or an activity within it (`###`).
    public struct Timed: Sendable, Hashable {
        public var title: String
        public var minutes: Int
        /// Where the heading is, for diagnostics.
        public var location: SourceLocation
    }

    /// A session and the timed activities under it.
    public struct Session: Sendable, Hashable {
        public var heading: Timed
        public var activities: [Timed]
    }

    /// The folder, inside the curriculum folder, that holds the guides.
    public static let folderName = "facilitator"

    public var moduleID: String
    public var relativePath: String
    public var displayPath: String
    public var sessions: [Session]
    public var bodyText: String
    public var bodyLineOffset: Int

    /// The minutes of every session, added up: what the guide accounts for of the module's time.
    public var totalMinutes: Int { sessions.reduce(0) { $0 + $1.heading.minutes } }

    /// Parses the body for printing.
    public func parsedBody() -> MarkdownDocument {
        MarkdownDocument(parsing: bodyText, lineOffset: bodyLineOffset)
    }
}
