import Foundation
import LanternAssessment
import LanternCurriculum
import Testing

/// The shipped quizzes as evidence (issue 19): every module quiz draws per outcome, caps
/// attempts with a day between them, and the crisis quiz always draws its means-safety,
/// firearm and emergency questions. Each test reads the real `assessments/` files.
@Suite("Program quizzes: draw rules and attempt policy")
struct ProgramQuizRulesTests {
    static let checked = AssessmentCheck.check(at: Fixture.repositoryRoot)
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// The module quizzes (`assessments/*-quiz.md`), never empty.
    static func moduleQuizzes() throws -> [Quiz] {
        let quizzes = checked.quizzes.filter { $0.id.hasSuffix("-quiz") }
        try #require(quizzes.count >= 21, "expected a quiz per module, found \(quizzes.count)")
        return quizzes
    }

    @Test("every module quiz: mapping-form draw with per_outcome, 3 attempts, a 24-hour wait")
    func attemptPolicy() throws {
        for quiz in try Self.moduleQuizzes() {
            let draw = try #require(quiz.settings.draw, "\(quiz.id) has no draw rule")
            #expect(draw.perOutcome >= 1, "\(quiz.id) should draw at least one question per outcome")
            #expect(quiz.settings.attempts == 3, "\(quiz.id): attempts \(quiz.settings.attempts)")
            #expect(quiz.settings.wait == 24 * 3600, "\(quiz.id): wait \(String(describing: quiz.settings.wait))")
            #expect(quiz.drawRuleProblems().isEmpty, "\(quiz.id): \(quiz.drawRuleProblems().map(\.message))")
        }
    }

    @Test("every module quiz presents a question for each outcome its bank tests, in every seeded attempt")
    func everyOutcomeDrawn() throws {
        for quiz in try Self.moduleQuizzes() {
            let byID = Dictionary(uniqueKeysWithValues: quiz.gradableQuestions.map { ($0.id, $0) })
            for seed in UInt64(0)..<300 {
                let attempt = try quiz.startAttempt(seed: seed &* 0x9E37_79B9, at: Self.start)
                let tested = Set(attempt.questions.compactMap { byID[$0.questionID] }.flatMap(\.outcomes))
                let missing = Set(quiz.bankOutcomes).subtracting(tested)
                #expect(missing.isEmpty, "\(quiz.id), seed \(seed): no question for \(missing.sorted())")
            }
        }
    }

    @Test("crisis quiz: every means-safety, firearm and emergency question is in every seeded attempt")
    func crisisSafetyQuestionsAlwaysDrawn() throws {
        let quiz = try #require(Self.checked.quiz("crisis-quiz"))
        let tagged = { (tag: String) in Set(quiz.gradableQuestions.filter { $0.tags.contains(tag) }.map(\.id)) }
        #expect(tagged("means-safety") == ["means-safety", "means-safety-timing", "firearm-storage"])
        #expect(tagged("firearms") == ["firearm-storage"])
        #expect(tagged("emergency") == ["imminent-plan", "already-acted"])
        let safety = tagged("means-safety").union(tagged("firearms")).union(tagged("emergency"))
        for seed in UInt64(0)..<500 {
            let attempt = try quiz.startAttempt(seed: seed &* 0x9E37_79B9, at: Self.start)
            let presented = Set(attempt.questions.map(\.questionID))
            #expect(safety.isSubset(of: presented), "seed \(seed): missing \(safety.subtracting(presented).sorted())")
        }
    }

    // MARK: The final exam

    @Test("final exam: program-level, listed in the program, required by the certificate, time-limited")
    func finalExamIsRequired() throws {
        let loaded = WorkspaceLoader().load(at: Fixture.repositoryRoot)
        let workspace = try #require(loaded.workspace)
        let program = try #require(workspace.program)
        #expect(program.assessmentIDs == ["final-exam"])
        let rules = try #require(program.certificate)
        #expect(rules.assessments == .all || rules.assessments == .only(["final-exam"]), "\(rules.assessments)")
        let source = try #require(workspace.assessments.first { $0.id == "final-exam" })
        #expect(source.isProgramLevel && source.after == nil, "offered after every module")
        let exam = try #require(Self.checked.quiz("final-exam"))
        #expect(exam.settings.timeLimit != nil, "the final exam is time-limited")
        #expect(exam.drawRuleProblems().isEmpty, "\(exam.drawRuleProblems().map(\.message))")
    }

    @Test("final exam: a bank at least twice its draw, every module's questions, critical ones in every attempt")
    func finalExamDraw() throws {
        let exam = try #require(Self.checked.quiz("final-exam"))
        let draw = try #require(exam.settings.draw)
        let bank = exam.gradableQuestions
        #expect(bank.count >= 2 * draw.count, "bank \(bank.count), draw \(draw.count)")
        #expect(draw.perOutcome >= 1)
        let loaded = WorkspaceLoader().load(at: Fixture.repositoryRoot)
        let modules = try #require(loaded.workspace?.program?.moduleIDs)
        #expect(Set(exam.bankOutcomes) == Set(modules), "each question's outcome is its module; every module is covered")
        // Each module outcome the exam claims to test is a real outcome of that module.
        let outcomes = Dictionary(uniqueKeysWithValues: (loaded.workspace?.modules ?? []).map { ($0.id, Set($0.outcomes.map(\.id))) })
        for question in bank {
            let module = try #require(question.outcomes.first)
            let tag = try #require(question.tags.first, "\(question.id) names no module outcome")
            #expect(tag.hasPrefix(module + "-") && outcomes[module]?.contains(String(tag.dropFirst(module.count + 1))) == true,
                    "\(question.id): '\(tag)' is not an outcome of \(module)")
        }
        let critical = Set(bank.filter(\.isCritical).map(\.id))
        #expect(critical.count >= 5)
        let byID = Dictionary(uniqueKeysWithValues: bank.map { ($0.id, $0) })
        for seed in UInt64(0)..<300 {
            let attempt = try exam.startAttempt(seed: seed &* 0x9E37_79B9, at: Self.start)
            let presented = Set(attempt.questions.map(\.questionID))
            #expect(critical.isSubset(of: presented), "seed \(seed): missing \(critical.subtracting(presented).sorted())")
            let covered = Set(presented.compactMap { byID[$0]?.outcomes.first })
            #expect(covered == Set(modules), "seed \(seed): no question from \(Set(modules).subtracting(covered).sorted())")
        }
    }
}
