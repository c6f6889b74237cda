import LanternAssessment
import LanternCurriculum
import LanternDiagnostics

/// The workspace's quizzes, parsed once (files with errors are left out: `lantern check`
/// reports them to the trainer).
public struct QuizCatalog: Sendable {
    public let quizzes: [Quiz]

    /// Quizzes already parsed (by the application's `Course`).
    public init(quizzes: [Quiz]) {
        self.quizzes = quizzes
    }

    public init(workspace: Workspace) {
        var quizzes: [Quiz] = []
        for source in workspace.assessments where source.kind == .quiz {
            let engine = DiagnosticsEngine()
            let module = source.moduleID.flatMap(workspace.module)
            if let quiz = QuizParser.parse(source, module: module, engine: engine), !engine.hasErrors {
                quizzes.append(quiz)
            }
        }
        self.quizzes = quizzes
    }
}
