import Foundation
import Testing

/// The shipped program is written for a US region (issue 19): US spelling and terms throughout
/// its modules, quizzes, checklists and facilitator guides. Titles of cited works keep their own
/// spelling, so each file's "Sources" section is not read.
@Suite("Program wording: US terms")
struct ProgramWordingTests {
    /// UK spellings and terms the older modules and quizzes used, each a whole word.
    static let ukTerms = ["organisation", "organise", "recognise", "recognised", "recognising", "realise", "summarise", "summarised",
                          "minimise", "minimises", "minimising", "moralising", "apologise", "criticise", "emphasise", "normalise",
                          "stigmatising", "behaviour", "behaviours", "colour", "favour", "honour", "neighbour", "neighbourhood",
                          "judgement", "judgemental", "judgementally", "programme", "programmes", "licence", "counsellor", "counsellors",
                          "counselling", "centre", "centred", "labelling", "labelled", "traveller", "practise", "practising", "tablets",
                          "holiday", "towards", "learnt", "whilst", "amongst"]

    @Test("no UK spelling or term outside the sources lists")
    func usTerms() throws {
        let root = Fixture.repositoryRoot
        let folders = ["curriculum", "curriculum/facilitator", "curriculum/handbooks", "assessments"]
        let pattern = try NSRegularExpression(pattern: "\\b(" + Self.ukTerms.joined(separator: "|") + ")\\b", options: [.caseInsensitive])
        var files = 0
        for folder in folders {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path).filter { $0.hasSuffix(".md") }
            for name in names {
                files += 1
                let text = try String(contentsOf: root.appendingPathComponent("\(folder)/\(name)"), encoding: .utf8)
                let body = text.components(separatedBy: "\n## Sources").first ?? text
                for (number, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let line = String(line)
                    let found = pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)).map { (line as NSString).substring(with: $0.range) }
                    #expect(found.isEmpty, "\(folder)/\(name):\(number + 1): \(found)")
                }
            }
        }
        #expect(files > 60)
    }
}
