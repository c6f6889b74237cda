import Foundation
import LanternAssessment
import LanternCurriculum
import Testing

/// `docs/coverage.md` maps the shipped program to SAMHSA's 12 categories of peer competencies
/// (issue 19): it must name only modules and checklists that exist, and leave none out.
@Suite struct ProgramCoverageTests {
    static let checked = AssessmentCheck.check(at: Fixture.repositoryRoot)

    /// The table's rows: the category numeral, then every `id` in backticks on the row.
    static func rows() throws -> [(category: String, ids: [String])] {
        let text = try String(contentsOf: Fixture.repositoryRoot.appendingPathComponent("docs/coverage.md"), encoding: .utf8)
        let numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
        return text.split(separator: "\n").compactMap { line -> (String, [String])? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let first = cells.first, numerals.contains(first) else { return nil }
            let ids = line.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            return (first, ids)
        }
    }

    @Test("docs/coverage.md covers all 12 SAMHSA categories with real modules and checklists, leaving none out")
    func coverageTableIsTrue() throws {
        let workspace = try #require(Self.checked.load.workspace)
        let program = try #require(workspace.program)
        let rows = try Self.rows()
        #expect(rows.map(\.category) == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])
        let checklistIDs = Set(Self.checked.checklists.map(\.id))
        let known = Set(program.moduleIDs).union(checklistIDs)
        let named = Set(rows.flatMap(\.ids))
        #expect(named.subtracting(known).isEmpty, "not a module or checklist of the program: \(named.subtracting(known).sorted())")
        #expect(Set(program.moduleIDs).subtracting(named).isEmpty, "modules missing from the table: \(Set(program.moduleIDs).subtracting(named).sorted())")
        #expect(checklistIDs.subtracting(named).isEmpty, "checklists missing from the table: \(checklistIDs.subtracting(named).sorted())")
        for row in rows {
            #expect(row.ids.contains { program.moduleIDs.contains($0) }, "category \(row.category) has no module")
        }
    }
}
