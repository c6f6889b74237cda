import LanternDiagnostics

/// A parsed quiz: settings and questions in author order. Immutable and `Sendable`.
public struct Quiz: Sendable, Hashable {
    public var id: String
    public var moduleID: String
    public var title: String
    /// Markdown shown before the first question.
    public var introduction: String?
    public var settings: QuizSettings
    public var questions: [Question]
    /// The file, for diagnostics (nil for quizzes made in code).
    public var path: String?

    public init(id: String, moduleID: String, title: String, introduction: String? = nil,
                settings: QuizSettings, questions: [Question], path: String? = nil) {
        self.id = id
        self.moduleID = moduleID
        self.title = title
        self.introduction = introduction
        self.settings = settings
        self.questions = questions
        self.path = path
    }

    public func question(_ id: String) -> Question? {
        questions.first { $0.id == id }
    }

    /// Questions that can be drawn into an attempt (descriptions are always shown, never drawn).
    public var gradableQuestions: [Question] { questions.filter { $0.type != .description } }
}
