import ArgumentParser
import LanternApplication
import Foundation
import LanternAssessment
import LanternDiagnostics
import LanternRecords

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Item analysis of a quiz over its recorded attempts.",
        discussion: """
        Per question: facility (mean score), discrimination (correlation with the rest of the \
        attempt), option frequencies; for the quiz, Cronbach's alpha. Questions are flagged when \
        very hard or easy, weakly or negatively discriminating, or with distractors nobody picks \
        (from \(ItemAnalysis.minimumAttemptsToFlag) attempts on).
        """
    )

    @Argument(help: ArgumentHelp("The quiz id.", valueName: "quiz"))
    var quiz: String

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var records: RecordsOptions

    func run() throws {
        let (quiz, _) = try records.course().quiz(self.quiz)
        let (attempts, unreadable) = try records.open(mustExist: true).engineAttempts(quiz: quiz)
        let analysis = ItemAnalysis.analyse(quiz, attempts: attempts)
        if unreadable > 0 {
            Console.printError(Diagnostic(.warning, "unreadable-attempts", "\(unreadable) recorded attempt\(unreadable == 1 ? "" : "s") could not be read and \(unreadable == 1 ? "was" : "were") left out", at: nil))
        }
        if json {
            Console.out(jsonText(analysis))
            return
        }
        func number(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "-" }
        var text = "Item analysis of \(quiz.id) over \(analysis.attempts) attempt\(analysis.attempts == 1 ? "" : "s")\n"
        text += "Cronbach's alpha: \(number(analysis.cronbachAlpha))\(analysis.alphaNote.map { " (\($0))" } ?? "")\n\n"
        text += TextTable(header: ["QUESTION", "TYPE", "SEEN", "FACILITY", "DISCRIMINATION", "OPTIONS (chosen, * = key)"], rows: analysis.items.map { item in
            [item.questionID, item.type, String(item.attempts), number(item.facility), number(item.discrimination),
             item.options.map { "\($0.option)\($0.isKey ? "*" : ""):\($0.count)" }.joined(separator: " ")]
        }).render()
        let flagged = analysis.items.filter { !$0.flags.isEmpty }
        text += "\n" + (flagged.isEmpty ? (analysis.attempts < ItemAnalysis.minimumAttemptsToFlag ? "Too few attempts to flag questions.\n" : "No weak questions flagged.\n") : "Weak questions:\n")
        for item in flagged {
            text += item.flags.map { "  \(item.questionID): \($0)\n" }.joined()
        }
        Console.out(text)
    }
}
