import Foundation
import LanternDiagnostics

/// Reads `curriculum/facilitator/<module>.md`: front matter naming the module, and a body whose
/// `##` and `###` headings ending in `(N min)` are the timed sessions and activities.
enum FacilitatorGuideReader {
    static let keys = ["module", "title"]

    static func read(_ source: SourceText, fileID: String, relativePath: String, engine: DiagnosticsEngine) -> FacilitatorGuide? {
        guard let (split, root) = FrontMatterSplit.parse(source, engine: engine) else { return nil }
        let fileStart = SourceLocation(path: source.displayPath)
        guard let reader = YAMLMappingReader(root.isNull ? YAMLNode(.scalar("", isNull: true), at: fileStart) : root,
                                             context: "facilitator guide front matter", knownKeys: keys, engine: engine) else { return nil }
        let moduleID = reader.string("module", required: true, example: fileID) ?? fileID
        if reader.has("module"), moduleID != fileID {
            engine.error("id-mismatch", "facilitator guide '\(fileID).md' names module '\(moduleID)'; a guide is named for its module",
                         at: reader.value("module")?.location ?? fileStart, hint: "rename the file to '\(moduleID).md' or set 'module: \(fileID)'")
        }
        var sessions: [FacilitatorGuide.Session] = []
        var inSession = false  // an untimed `##` (such as "Safety notes") ends the session before it
        var inFence = false
        for (index, line) in split.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); continue }
            guard !inFence, line.hasPrefix("## ") || line.hasPrefix("### ") else { continue }
            let level = line.hasPrefix("### ") ? 3 : 2
            let text = line.dropFirst(level + 1).trimmingCharacters(in: .whitespaces)
            let location = SourceLocation(path: source.displayPath, line: index + 1 + split.bodyLineOffset, column: 1)
            guard let (title, minutes) = timed(text) else {
                if level == 2 { inSession = false }
                continue
            }
            let heading = FacilitatorGuide.Timed(title: title, minutes: minutes, location: location)
            if level == 2 {
                sessions.append(.init(heading: heading, activities: []))
                inSession = true
            } else if !inSession {
                engine.error("facilitator-timing", "activity '\(title)' is not under a timed session", at: location,
                             hint: "put it under a session heading that ends in its time, such as '## Session 1 (90 min)'")
            } else {
                sessions[sessions.count - 1].activities.append(heading)
            }
        }
        if sessions.isEmpty {
            engine.error("facilitator-timing", "the guide has no timed sessions", at: fileStart,
                         hint: "give each session a heading that ends in its time, such as '## Session 1: Warm-up and role-plays (90 min)'")
        }
        for session in sessions where !session.activities.isEmpty {
            let sum = session.activities.reduce(0) { $0 + $1.minutes }
            if sum != session.heading.minutes {
                engine.error("facilitator-timing", "the activities of '\(session.heading.title)' add up to \(sum) minutes, not the session's \(session.heading.minutes)",
                             at: session.heading.location, hint: "change an activity's time or the session's time so they agree")
            }
        }
        return FacilitatorGuide(moduleID: fileID, relativePath: relativePath, displayPath: source.displayPath, sessions: sessions,
                                bodyText: split.body, bodyLineOffset: split.bodyLineOffset)
    }

    /// `Title (45 min)` → ("Title", 45); nil when the heading carries no time.
    static func timed(_ heading: String) -> (String, Int)? {
        guard heading.hasSuffix(")"), let open = heading.lastIndex(of: "(") else { return nil }
        let inside = heading[heading.index(after: open)..<heading.index(before: heading.endIndex)]
        let parts = inside.split(separator: " ")
        guard parts.count == 2, ["min", "mins", "minutes"].contains(parts[1]), let minutes = Int(parts[0]), minutes > 0 else { return nil }
        return (heading[..<open].trimmingCharacters(in: .whitespaces), minutes)
    }
}
