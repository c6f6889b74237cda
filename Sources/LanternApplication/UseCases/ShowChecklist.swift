import Foundation
import LanternAssessment
import LanternDiagnostics
import LanternRecords

/// Showing a checklist to an assessor: the observation form (instructions, what each level
/// means, each criterion with its own descriptors and guidance, which may be rated n/a, who may
/// observe), or a ratings file to fill in for `lantern checklist record --ratings`.
public struct ShowChecklist: Sendable {
    public let course: Course
    let output: any OutputSink

    public init(course: Course, output: any OutputSink) {
        self.course = course
        self.output = output
    }

    public func show(checklistID: String, ratingsTemplate: Bool = false) throws(LanternError) {
        let checklist = try course.checklist(checklistID).checklist
        output.write(ratingsTemplate ? Self.ratingsTemplate(checklist) : Self.form(checklist))
    }

    static func roles(_ checklist: Checklist) -> String {
        let roles = checklist.assessorRoles.isEmpty ? ["assessor", "trainer"] : checklist.assessorRoles
        return roles.joined(separator: " or ")
    }

    /// The observation form, as plain text.
    static func form(_ checklist: Checklist) -> String {
        var lines = ["\(checklist.title) (\(checklist.id))"]
        let occasions = checklist.occasions == 1 ? "on 1 occasion" : "on \(checklist.occasions) occasions, on different days"
        lines.append("Competent \(occasions). Methods: \(checklist.methods.isEmpty ? "any" : checklist.methods.joined(separator: ", ")).")
        lines.append("Who may observe: someone with the \(roles(checklist)) role, never the trainee themself.")
        lines.append("Levels, lowest first: \(checklist.scale.joined(separator: ", ")). A criterion needs \(checklist.passLevel).")
        if !checklist.levelDescriptors.isEmpty {
            lines.append("")
            lines.append("What the levels mean:")
            for level in checklist.scale { if let text = checklist.levelDescriptors[level] { lines.append("  \(level): \(text)") } }
        }
        if let instructions = checklist.instructions, !instructions.isEmpty {
            lines.append("")
            lines.append(instructions)
        }
        lines.append("")
        lines.append("Criteria:")
        for (number, criterion) in checklist.criteria.enumerated() {
            let marker = criterion.requirement == .required ? "" : "(\(criterion.requirement.rawValue)) "
            lines.append("\(number + 1). \(marker)\(criterion.text) {\(criterion.id)}")
            if let guidance = criterion.guidance { lines.append("   Note: " + guidance.replacingOccurrences(of: "\n", with: "\n   ")) }
            for level in checklist.scale.reversed() {
                if let text = criterion.descriptors[level] { lines.append("   \(level): \(text)") }
            }
            if criterion.allowsNotApplicable {
                lines.append(criterion.requirement == .critical
                    ? "   May be rated n/a when the scenario does not include it, but n/a never counts as a pass for it."
                    : "   May be rated n/a when the scenario does not include it.")
            }
        }
        lines.append("")
        lines.append("Critical criteria must reach \(checklist.passLevel) on every occasion; below it in the latest observation, the trainee is not yet Competent.")
        lines.append("Record: lantern checklist record \(checklist.id) --trainee T --assessor A --ratings FILE")
        lines.append("(lantern checklist show \(checklist.id) --ratings-template writes a file to fill in.)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A ratings file to fill in: every criterion with its levels, descriptors and n/a.
    static func ratingsTemplate(_ checklist: Checklist) -> String {
        var lines = [
            "# Ratings for checklist '\(checklist.id)' (\(checklist.title)).",
            "# Give each criterion one level: \(checklist.scale.joined(separator: ", ")). Evidence: what you saw, with no",
            "# personal details of anyone but the trainee. Then record it:",
            "#   lantern checklist record \(checklist.id) --trainee T --assessor A --ratings THIS-FILE",
        ]
        if !checklist.methods.isEmpty {
            lines.append("method: \(checklist.methods[0])        # how it was observed: \(checklist.methods.joined(separator: ", "))")
        }
        lines.append("# date: YYYY-MM-DD      # the day of the observation (default: today)")
        lines.append("ratings:")
        for criterion in checklist.criteria {
            let marker = criterion.requirement == .required ? "" : "(\(criterion.requirement.rawValue)) "
            lines.append("  # \(marker)\(criterion.text)")
            for level in checklist.scale.reversed() {
                if let text = checklist.descriptor(of: level, for: criterion) { lines.append("  #   \(level): \(text)") }
            }
            if criterion.allowsNotApplicable { lines.append("  #   n/a: the scenario did not include it" + (criterion.requirement == .critical ? " (never a pass for a critical criterion)" : "")) }
            if criterion.requirement == .optional { lines.append("  #   (optional: delete these lines to leave it unrated)") }
            lines.append("  \(criterion.id):")
            lines.append("    rating:")
            lines.append("    evidence:")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
