import Foundation
import LanternTestSupport
import Testing

@Suite("lantern check on assessments, import and export, end to end")
struct AssessmentCommandTests {
    static let quizHeader = "---\nid: intro-quiz\nkind: quiz\nmodule: intro\ntitle: Introduction quiz\npass: 80%\n---\n\n"

    /// Each broken quiz must make `lantern check` print exactly this line and exit 1.
    @Test("a broken quiz is reported at its line and column, exit 1", arguments: [
        ("## Who? {#goals}\n\n- [ ] a\n- [ ] b\n", "assessments/intro-quiz.md:9:1: error: question 'goals' has no correct answer"),
        ("## Who? {#goals}\n\n- [x] a\n- [x] b\n", "assessments/intro-quiz.md:12:1: error: single-choice question 'goals' has more than one correct answer"),
        ("## Who? {#goals type=multi}\n\n- [x] a\n- [x] b\n", "assessments/intro-quiz.md:9:1: error: in multiple-response question 'goals', selecting every option scores 100%"),
        ("## How many? {#goals type=numeric}\n\n= six\n", "assessments/intro-quiz.md:11:1: error: numeric answer 'six' is not a number"),
        ("## Who? {#goals}\n\n- [x] a\n- [ ] b\n\n## Again? {#goals}\n\n- [x] a\n- [ ] b\n", "assessments/intro-quiz.md:14:12: error: question id 'goals' is used twice in this quiz (first at line 9)"),
        ("## Who? {#goals type=singel}\n\n- [x] a\n- [ ] b\n", "assessments/intro-quiz.md:9:22: error: unknown question type 'singel'"),
        ("## Who? {#goals outcome=lo7}\n\n- [x] a\n- [ ] b\n", "assessments/intro-quiz.md:9:25: error: the module has no outcome 'lo7'"),
    ])
    func brokenQuiz(body: String, expected: String) throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("assessments/intro-quiz.md", Self.quizHeader + body)
        let result = try LanternProcess.run(["check"], in: workspace.url)
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").map(String.init).contains(expected), "\(result.stderr)")
    }

    @Test("front matter and cross-reference mistakes in assessments", arguments: [
        ("assessments/intro-quiz.md", "---\nid: intro-quiz\nkind: quiz\nmodule: intro\ntitle: Intro\npass: 80%\ndraw: 5\n---\n\n## Who? {#goals}\n\n- [x] a\n- [ ] b\n",
         "assessments/intro-quiz.md:7:7: error: 'draw: 5' is more than the 1 question in the quiz"),
        ("assessments/intro-quiz.md", "---\nid: intro-quiz\nkind: quiz\nmodule: intro\ntitle: Intro\npass: 80%\natempts: 2\n---\n\n## Who? {#goals}\n\n- [x] a\n- [ ] b\n",
         "assessments/intro-quiz.md:7:1: error: unknown key 'atempts' in quiz front matter"),
        ("assessments/listening-skills.md", "---\nid: listening-skills\nkind: checklist\nmodule: listening\ntitle: L\npass_level: expert\n---\n\n- Does it. {#a}\n- Does more. {#a}\n",
         "assessments/listening-skills.md:6:13: error: 'pass_level' is 'expert', which is not on the scale"),
        ("assessments/listening-skills.md", "---\nid: listening-skills\nkind: checklist\nmodule: listening\ntitle: L\n---\n\n- Does it. {#a}\n- Does more. {#a}\n",
         "assessments/listening-skills.md:9:1: error: criterion id 'a' is used twice in this checklist (first at line 8)"),
    ])
    func otherMistakes(file: String, text: String, expected: String) throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write(file, text)
        let result = try LanternProcess.run(["check"], in: workspace.url)
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").map(String.init).contains(expected), "\(result.stderr)")
    }

    @Test("a quiz its module does not list is a warning (exit 0)")
    func unlisted() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("assessments/extra-quiz.md", "---\nid: extra-quiz\nkind: quiz\nmodule: intro\ntitle: Extra\npass: 80%\n---\n\n## Who? {#goals}\n\n- [x] a\n- [ ] b\n")
        let result = try LanternProcess.run(["check"], in: workspace.url)
        #expect(result.status == 0)
        #expect(result.stderr.contains("assessments/extra-quiz.md:4:9: warning: quiz 'extra-quiz' belongs to module 'intro', but the module does not list it"), "\(result.stderr)")
    }

    @Test("import gift writes a quiz that checks, and refuses to overwrite without --force")
    func importGIFT() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("bank.gift", """
        // a small bank
        ::Goals::Who sets the goals?{=The person ~The peer#Not quite}

        ::Count::How many steps?{#6:0.5}

        ::Recovery::Recovery means symptoms are gone.{F}

        """)
        let first = try LanternProcess.run(["import", "gift", "bank.gift", "--id", "bank-quiz", "--module", "intro"], in: workspace.url)
        #expect(first.status == 0, "\(first.stderr)")
        let written = try workspace.read("assessments/bank-quiz.md")
        #expect(written.contains("## Who sets the goals? {#goals}"))
        #expect(written.contains("- [x] The person"))
        #expect(written.contains("- [x] 6 ± 0.5"))
        let again = try LanternProcess.run(["import", "gift", "bank.gift", "--id", "bank-quiz", "--module", "intro"], in: workspace.url)
        #expect(again.status == 1)
        #expect(again.stderr.contains("assessments/bank-quiz.md already exists"))
        let forced = try LanternProcess.run(["import", "gift", "bank.gift", "--id", "bank-quiz", "--module", "intro", "--force"], in: workspace.url)
        #expect(forced.status == 0)

        // Listed in its module, the imported quiz checks clean.
        let module = try workspace.read("curriculum/intro.md").replacingOccurrences(of: "assessments: [intro-quiz]", with: "assessments: [intro-quiz, bank-quiz]")
        try workspace.write("curriculum/intro.md", module)
        let check = try LanternProcess.run(["check"], in: workspace.url)
        #expect(check.status == 0, "\(check.stderr)")

        let export = try LanternProcess.run(["export", "gift", "bank-quiz"], in: workspace.url)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("::goals::[markdown]Who sets the goals?{"))
        #expect(export.stdout.contains("\t=[markdown]The person\n"))
        #expect(export.stdout.contains("{FALSE}"))
    }

    @Test("a GIFT error names the line, and nothing is written")
    func importError() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("bad.gift", "::A::Fine?{T}\n\n::B::Broken {=yes ~no\n")
        let result = try LanternProcess.run(["import", "gift", "bad.gift", "-o", "out.md"], in: workspace.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.gift:3:13: error: the answers that start here are not closed with '}'"), "\(result.stderr)")
        #expect(!workspace.exists("out.md"))
    }

    @Test("import aiken reports Moodle-style errors by line")
    func importAiken() throws {
        let workspace = try SampleWorkspace.create()
        try workspace.write("bank.txt", "Who decides?\nA) The person\nB) The peer\nANSWER: A\n\nNo options\nANSWER: B\n")
        let result = try LanternProcess.run(["import", "aiken", "bank.txt", "-o", "aiken.md"], in: workspace.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("bank.txt:7:1: error: the question needs at least two options before 'ANSWER:'"), "\(result.stderr)")
        try workspace.write("good.txt", "Who decides?\nA) The person\nB) The peer\nANSWER: A\n")
        let good = try LanternProcess.run(["import", "aiken", "good.txt", "-o", "aiken.md", "--module", "intro"], in: workspace.url)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(try workspace.read("aiken.md").contains("- [x] The person"))
    }

    @Test("export gift of an unknown quiz is a clear error")
    func exportUnknown() throws {
        let workspace = try SampleWorkspace.create()
        let result = try LanternProcess.run(["export", "gift", "intro-quizz"], in: workspace.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: there is no quiz 'intro-quizz'"))
        #expect(result.stderr.contains("did you mean 'intro-quiz'?"))
    }
}
