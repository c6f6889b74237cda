import Foundation
import LanternAssessment
import LanternCurriculum
import LanternDiagnostics
import Testing

/// The shipped program's crisis guidance (issue 19): the keys of the safety-critical questions
/// that once taught something unsafe, and the module passages they came from. Each test reads
/// the real `curriculum/` and `assessments/` files, so reverting one of the fixes fails it.
@Suite("Program safety: the shipped crisis guidance")
struct ProgramSafetyTests {
    static let checked = AssessmentCheck.check(at: Fixture.repositoryRoot)

    static func module(_ id: String) throws -> String {
        try String(contentsOf: Fixture.repositoryRoot.appendingPathComponent("curriculum/\(id).md"), encoding: .utf8)
    }

    /// The question, failing unless it is marked critical.
    static func critical(_ quizID: String, _ questionID: String) throws -> Question {
        let quiz = try #require(checked.quiz(quizID), "quiz \(quizID) is missing")
        let question = try #require(quiz.question(questionID), "\(quizID) has no question \(questionID)")
        #expect(question.isCritical, "\(quizID)#\(questionID) must stay safety-critical")
        return question
    }

    /// The text of the one option with full credit.
    static func keyed(_ question: Question) throws -> String {
        let keys = question.choices.filter { $0.credit == .one }
        try #require(keys.count == 1, "\(question.id) should have exactly one keyed option")
        return keys[0].text.lowercased()
    }

    /// Prose with line breaks and Markdown emphasis folded away, so a phrase is found across lines.
    static func flat(_ text: String) -> String {
        text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "\n>", with: " ")
            .split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    /// Expects `text` (of `file`) to say `phrase`, reporting only the phrase when it does not.
    static func says(_ text: String, _ phrase: String, _ file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = text.contains(phrase)
        #expect(found, "\(file) lacks '\(phrase)'", sourceLocation: sourceLocation)
    }

    /// Expects `text` (of `file`) not to say `phrase`, reporting only the phrase when it does.
    static func neverSays(_ text: String, _ phrase: String, _ file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let found = text.contains(phrase)
        #expect(!found, "\(file) still says '\(phrase)'", sourceLocation: sourceLocation)
    }

    @Test("the shipped workspace checks clean")
    func workspaceIsClean() {
        #expect(Self.checked.diagnostics.filter { $0.severity == .error }.isEmpty, "\(Self.checked.diagnostics)")
    }

    // MARK: Midnight "I can't do this anymore" text (self-care)

    @Test("midnight text: the key asks about suicide now and uses the out-of-hours protocol")
    func midnightTextKey() throws {
        let key = try Self.keyed(Self.critical("self-care-quiz", "midnight-text"))
        for phrase in ["now", "suicide", "with a plan", "out-of-hours protocol", "on-call supervisor", "988", "welfare check"] {
            #expect(key.contains(phrase), "midnight-text key lacks '\(phrase)': \(key)")
        }
        #expect(key.contains("no reply") || key.contains("does not reply"), "midnight-text key must act on no reply: \(key)")
        #expect(!key.contains("next working day"))
    }

    @Test("midnight text: the module no longer leaves a possible suicide message to the next working day")
    func midnightTextModule() throws {
        let text = Self.flat(try Self.module("self-care"))
        Self.neverSays(text, "the next working day, tell your supervisor", "self-care.md")
        Self.neverSays(text, "if there is no immediate danger, reply briefly", "self-care.md")
        for phrase in ["are you thinking about suicide?", "if she does not reply, act now", "on-call supervisor", "welfare check"] {
            Self.says(text, phrase, "self-care.md")
        }
    }

    @Test("text messages that may mean suicide: the communication key covers a yes with a plan and no reply")
    func textRiskKey() throws {
        let key = try Self.keyed(Self.critical("communication-quiz", "text-risk"))
        for phrase in ["now", "suicide", "stops replying", "emergency help"] {
            #expect(key.contains(phrase), "text-risk key lacks '\(phrase)': \(key)")
        }
    }

    // MARK: Plan, means and intent: emergency help whatever the person promises (crisis)

    @Test("plan, means and intent now: the key gets emergency help whatever the person promises")
    func imminentPlanKey() throws {
        let question = try Self.critical("crisis-quiz", "imminent-plan")
        let key = try Self.keyed(question)
        #expect(key.contains("whatever he promises"))
        #expect(key.contains("emergency help now") || key.contains("911"))
        let promise = try #require(question.choices.first { $0.text.lowercased().contains("promise to stay safe") })
        #expect(promise.credit == .zero, "accepting a promise to stay safe must score nothing")
    }

    @Test("the crisis module no longer makes 'cannot agree to stay safe' the trigger for emergency help")
    func noPromiseTrigger() throws {
        let text = Self.flat(try Self.module("crisis"))
        Self.neverSays(text, "cannot agree to stay safe", "crisis.md")
        Self.says(text, "this is an emergency whatever the person promises", "crisis.md")
        for id in ["crisis", "ethics", "communication", "foundations", "self-care", "lived-experience", "mental-health",
                   "trauma-informed", "recovery-planning", "advocacy"] {
            let module = Self.flat(try Self.module(id))
            Self.neverSays(module, "agree to stay safe", "\(id).md")
            Self.neverSays(module, "contract for safety", "\(id).md")
            Self.neverSays(module, "safety contract", "\(id).md")
        }
    }

    // MARK: Naloxone (mental health)

    @Test("overdose: the key says anyone may give naloxone, with rescue breaths, a second dose and staying")
    func overdoseKey() throws {
        let question = try Self.critical("mental-health-quiz", "overdose-response")
        let key = try Self.keyed(question)
        for phrase in ["911", "naloxone", "anyone may", "rescue breaths", "second dose", "2 to 3 minutes", "recovery position", "stay with him"] {
            #expect(key.contains(phrase), "overdose key lacks '\(phrase)': \(key)")
        }
        #expect(!key.contains("if you are trained"))
        let trainedOnly = try #require(question.choices.first { $0.text.lowercased().contains("trained") })
        #expect(trainedOnly.credit == .zero, "'only trained staff may give naloxone' must score nothing")
    }

    @Test("overdose: the module says naloxone is over the counter and anyone may give it")
    func overdoseModule() throws {
        let text = Self.flat(try Self.module("mental-health"))
        Self.neverSays(text, "if you are trained", "mental-health.md")
        Self.neverSays(text, "naloxone if trained", "mental-health.md")
        Self.neverSays(text, "never give any medicine you are not trained", "mental-health.md")
        for phrase in ["over the counter", "29 march 2023", "anyone may give it", "call 911", "rescue breaths",
                       "second dose", "2 to 3 minutes", "recovery position", "stay with the person"] {
            Self.says(text, phrase, "mental-health.md")
        }
    }

    // MARK: Safety plan step 6 and firearms (crisis)

    @Test("safety plan: step 6 is agreed when the plan is made, not kept for when other steps fail")
    func stepSixTiming() throws {
        let module = Self.flat(try Self.module("crisis"))
        Self.neverSays(module, "the person moves to the next step only if the one before does not help", "crisis.md")
        Self.says(module, "making the surroundings safer is done when the plan is written", "crisis.md")
        let quiz = try #require(Self.checked.quiz("crisis-quiz"))
        let order = try #require(quiz.question("safety-plan-order"))
        #expect(!(order.generalFeedback ?? "").lowercased().contains("only if the one before"))
        let timing = try #require(quiz.question("means-safety-timing"))
        let key = try Self.keyed(timing)
        #expect(key.contains("when the plan is first written") && key.contains("every method"))
    }

    @Test("safety plan: firearms are in means safety, with safe storage and storage away from home")
    func firearms() throws {
        let key = try Self.keyed(Self.critical("crisis-quiz", "firearm-storage"))
        for phrase in ["away from home", "someone he trusts", "where the law allows", "locked"] {
            #expect(key.contains(phrase), "firearm-storage key lacks '\(phrase)': \(key)")
        }
        let module = Self.flat(try Self.module("crisis"))
        for phrase in ["guns and means safety", "safe storage at home", "storage away from home", "the law where you are"] {
            Self.says(module, phrase, "crisis.md")
        }
    }

    @Test("checklists: means safety for every method, firearms and plan-means-intent are critical")
    func checklists() throws {
        let plans = try #require(Self.checked.checklist("supporting-safety-plans"))
        let means = try #require(plans.criterion("means-safety"))
        #expect(means.requirement == .critical && means.text.contains("every method"))
        let guns = try #require(plans.criterion("asks-about-firearms"))
        #expect(guns.requirement == .critical)
        let asking = try #require(Self.checked.checklist("asking-about-suicide"))
        let emergency = try #require(asking.criterion("plan-means-intent"))
        #expect(emergency.requirement == .critical && emergency.text.contains("whatever the person promises"))
    }
}
