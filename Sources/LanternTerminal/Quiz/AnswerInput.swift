import Foundation
import LanternAssessment

/// What a trainee types for a question, turned into the engine's `Response`: numbers or letters
/// for options (several for multiple response), letters per prompt for matching, numbers in
/// order for ordering, text for short, numeric and essay answers. Positions are the ones shown;
/// the response names options in author order, so shuffling never changes what is recorded.
public enum AnswerInput {
    /// Why typed text is not an answer, in words for the trainee.
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
    }

    public static func parse(_ text: String, for question: Question, shown presented: PresentedQuestion) -> Result<Response, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .failure(Problem(message: "Type an answer first.")) }
        switch question.type {
        case .single, .truefalse:
            if question.type == .truefalse || question.choices.count == 2,
               let index = question.choices.firstIndex(where: { plain($0.text).lowercased() == trimmed.lowercased() }) {
                return .success(.choices([index]))
            }
            return positions(trimmed, count: question.choices.count).flatMap { shown in
                guard shown.count == 1 else { return .failure(Problem(message: "Choose one answer only.")) }
                return .success(.choices([order(presented, question.choices.count)[shown[0]]]))
            }
        case .multi:
            return positions(trimmed, count: question.choices.count).map { shown in
                let authorOrder = order(presented, question.choices.count)
                return .choices(unique(shown).map { authorOrder[$0] }.sorted())
            }
        case .matching:
            let answers = question.matchingAnswers
            return positions(trimmed, count: answers.count).flatMap { shown in
                guard shown.count == question.pairs.count else {
                    return .failure(Problem(message: "Give one letter for each of the \(question.pairs.count) items, in order."))
                }
                let authorOrder = order(presented, answers.count)
                return .success(.matches(shown.map { authorOrder[$0] }))
            }
        case .ordering:
            return positions(trimmed, count: question.items.count).flatMap { shown in
                guard shown.count == question.items.count, Set(shown).count == shown.count else {
                    return .failure(Problem(message: "Give each of the numbers 1 to \(question.items.count) once, in the right order."))
                }
                let authorOrder = order(presented, question.items.count)
                return .success(.order(shown.map { authorOrder[$0] }))
            }
        case .numeric:
            guard trimmed.contains(where: \.isNumber) else { return .failure(Problem(message: "Type a number.")) }
            return .success(.text(trimmed))
        case .short, .essay, .description:
            return .success(.text(trimmed))
        }
    }

    /// Shown positions (0-based) of the options a trainee picked, for live highlighting; nil
    /// while the text is not (yet) a valid choice.
    public static func preview(_ text: String, for question: Question) -> Set<Int>? {
        guard [.single, .multi, .truefalse].contains(question.type) else { return nil }
        if case .success(let shown) = positions(text, count: question.choices.count) { return Set(shown) }
        return nil
    }

    /// The author-order index shown at each position.
    static func order(_ presented: PresentedQuestion, _ count: Int) -> [Int] {
        presented.displayOrder.count == count ? presented.displayOrder : Array(0..<count)
    }

    /// `1 3`, `1,3`, `a c`, `ac`, `B`: shown positions, 0-based.
    static func positions(_ text: String, count: Int) -> Result<[Int], Problem> {
        var result: [Int] = []
        let tokens = text.lowercased().split { $0 == " " || $0 == "," || $0 == ";" || $0 == "\t" }
        guard !tokens.isEmpty else { return .failure(Problem(message: "Type an answer first.")) }
        let lastLetter = Character(Unicode.Scalar(UInt8(96 + min(count, 26))))
        for token in tokens {
            if let number = Int(token) {
                guard number >= 1, number <= count else {
                    return .failure(Problem(message: "There is no answer \(number): choose 1 to \(count) or a to \(lastLetter)."))
                }
                result.append(number - 1)
            } else if token.allSatisfy({ $0.isASCII && $0.isLetter }) {
                for letter in token {
                    let index = Int(letter.asciiValue! - 97)
                    guard index < count else {
                        return .failure(Problem(message: "There is no answer \(letter): choose a to \(lastLetter) or 1 to \(count)."))
                    }
                    result.append(index)
                }
            } else {
                return .failure(Problem(message: "'\(token)' is not an answer: use numbers (1 to \(count)) or letters (a to \(lastLetter))."))
            }
        }
        return .success(result)
    }

    private static func unique(_ values: [Int]) -> [Int] {
        var seen = Set<Int>()
        return values.filter { seen.insert($0).inserted }
    }

    /// Inline Markdown as plain text (for comparing "True" with what was typed).
    static func plain(_ markdown: String) -> String {
        markdown.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "_", with: "")
            .trimmingCharacters(in: .whitespaces)
    }
}
