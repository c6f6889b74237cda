import Foundation
import LanternAssessment
import LanternRecords

/// How a recorded attempt is reported: a few lines for people, or JSON for scripts.
public enum QuizReport {
    public static func text(_ taken: TakenQuiz) -> String {
        let result = taken.result
        var lines = ["attempt \(taken.record.id): \(taken.record.traineeID), quiz \(taken.record.quizID), attempt \(result.attemptNumber)",
                     "score \(percent(result.total.doubleValue)) (pass mark \(percent(result.passMark.doubleValue))): \(result.passed ? "passed" : "not passed")"]
        lines += result.reasons.map { "  \($0)" }
        lines += result.questions.map { grade in
            let mark = !grade.answered ? "unanswered" : grade.needsMarking ? "to be marked"
                : grade.isCorrect ? "right" : grade.score == .zero ? "wrong" : "part (\(percent(grade.score.doubleValue)))"
            return "  \(grade.questionID): \(mark)\(grade.isCritical ? " [critical]" : "")"
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ taken: TakenQuiz) -> String {
        struct Output: Encodable { var attemptID: String; var traineeID: String; var result: AttemptResult }
        return JSONOutput.text(Output(attemptID: taken.record.id, traineeID: taken.record.traineeID, result: taken.result))
    }

    static func percent(_ score: Double) -> String {
        String(format: "%.0f%%", score * 100)
    }
}

/// Pretty, stable JSON followed by a newline: the JSON every command prints.
public enum JSONOutput {
    public static func text<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self) + "\n"
    }
}
