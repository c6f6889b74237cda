import Foundation
import LanternApplication
import LanternRecords
import LanternTestSupport

/// The shipped curriculum (the repository is itself a workspace), loaded once.
enum ShippedCourse {
    static let course: Course = {
        let course = Course.load(at: RepositoryPaths.packageRoot(from: #filePath))
        guard course.workspace != nil else { fatalError("the shipped workspace does not load; run 'lantern check'") }
        return course
    }()
}

/// A sample workspace (`SampleWorkspace`, optionally with files changed) in a temporary folder,
/// an empty records database beside it and one trainee.
struct SampleCourse {
    let folder: TemporaryFolder
    let course: Course
    let records: RecordsStore
    let traineeID: String

    init(changing changes: [String: String] = [:]) throws {
        folder = try SampleWorkspace.create()
        for (relative, text) in changes { try folder.write(relative, text) }
        course = Course.load(at: folder.url)
        records = try RecordsStore(path: folder.url.appendingPathComponent("records.sqlite").path, actor: "test")
        traineeID = try records.addTrainee(NewTrainee(name: "Test Trainee")).id
    }

    func takeQuiz(_ output: CapturedOutput = CapturedOutput(), clock: @escaping @Sendable () -> Date = { Date() }) -> TakeQuiz {
        TakeQuiz(course: course, records: records, actor: .localOperator("test"), output: output, clock: clock)
    }

    func learner(_ output: CapturedOutput = CapturedOutput()) -> LearnerRecords {
        LearnerRecords(course: course, records: records, traineeID: traineeID, actor: .localOperator("test"), output: output)
    }

    /// The sample quiz's file with `line` added to its front matter.
    static func introQuiz(adding line: String) -> String {
        SampleWorkspace.files["assessments/intro-quiz.md"]!.replacingOccurrences(of: "pass: 80%\n", with: "pass: 80%\n\(line)\n")
    }
}
