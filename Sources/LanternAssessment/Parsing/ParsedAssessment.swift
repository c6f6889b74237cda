/// A parsed assessment file: a quiz or a checklist.
public enum ParsedAssessment: Sendable, Hashable {
    case quiz(Quiz)
    case checklist(Checklist)

    public var id: String {
        switch self {
        case .quiz(let quiz): quiz.id
        case .checklist(let checklist): checklist.id
        }
    }
}
