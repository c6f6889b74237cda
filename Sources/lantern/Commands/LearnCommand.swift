import ArgumentParser
import Foundation
import LanternApplication
import LanternDiagnostics
import LanternRecords
import LanternTerminal

struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Take the course in the terminal: read modules, take quizzes, see your progress.",
        discussion: """
        If you are in crisis or worried about someone's safety, stop and get help now: call your
        local emergency number, or a crisis line. In the US, call or text 988 (Suicide & Crisis
        Lifeline); in the UK and Ireland, call Samaritans on 116 123. Crisis modules open with
        the crisis lines your organisation lists.

        Everything is saved as you go: each quiz answer as you give it, and your reading. Ctrl-C,
        a closed window or a crash loses nothing; a quiz resumes at the same question, with the
        same time limit.

        Full screen (a terminal): ↑↓ or a number choose a module, Enter read (a locked module
        opens as a preview), t quiz, n next, ! crisis lines (from every screen), ? help, q quit.
        Reading, as in less: Space/PgDn/Ctrl-F and b/PgUp/Ctrl-B page, d/Ctrl-D and u/Ctrl-U half
        a page, ] and [ headings, t contents, / search, q back. A quiz left open opens again when
        you come back. NO_COLOR keeps the full screen, without colour.

        Plain mode (--plain, ACCESSIBLE=1, TERM=dumb, or input that is not a terminal)
        prints a transcript that never redraws, for screen readers and scripts. Type a command
        per line: list, read N, quiz N, next, help, quit. In a quiz, type the answer (numbers
        or letters; several for "choose all"), or skip, back, submit, quit.
        """
    )

    @Option(help: ArgumentHelp("Your trainee id (or external id) in the records (default: $LANTERN_TRAINEE, or the only trainee).", valueName: "id"))
    var trainee: String?

    @Flag(help: "Plain text, one line after another, no colour and no redraws (for screen readers).")
    var plain = false

    @OptionGroup var records: RecordsOptions

    func run() throws {
        let course = try records.course()
        let workspace = try course.loadedWorkspace()
        let store = try records.open()
        let traineeID = try resolveTrainee(store)
        // The learner's login (or --as name) is this trainee: erasing them clears its name.
        try store.linkActor(toTrainee: traineeID)
        let learnerRecords = LearnerRecords(course: course, records: store, traineeID: traineeID,
                                            actor: records.principal, output: StandardOutput())
        let environment = ProcessInfo.processInfo.environment
        // NO_COLOR means no colour (no-color.org), not no full screen.
        let color = (environment["NO_COLOR"] ?? "").isEmpty
        let plainMode = plain
            || environment["ACCESSIBLE"].map { !$0.isEmpty && $0 != "0" } == true
            || environment["TERM"] == "dumb"
            || !POSIXTerminal.isInteractive
        if plainMode {
            try LineLearner(workspace: workspace, store: learnerRecords, io: StandardLineIO(), width: Console.width(),
                            quizzes: course.takeableQuizzes).run()
        } else {
            let terminal = POSIXTerminal()
            try FullScreenLearner(workspace: workspace, store: learnerRecords, terminal: terminal, color: color,
                                  subtitle: "trainee \(traineeID)", quizzes: course.takeableQuizzes).run()
            Console.out("Your progress is saved. Run 'lantern learn' to carry on.\n")
        }
    }

    private func resolveTrainee(_ store: RecordsStore) throws(LanternError) -> String {
        if let reference = trainee ?? ProcessInfo.processInfo.environment["LANTERN_TRAINEE"], !reference.isEmpty {
            return try store.trainee(reference).id
        }
        let all = try store.trainees().filter { $0.erasedAt == nil }
        if all.count == 1 { return all[0].id }
        throw LanternError(.whichTrainee, all.isEmpty ? "there are no trainees in the records yet"
                                                        : "there are \(all.count) trainees in the records; say which one you are",
                           hint: all.isEmpty ? "add yourself with 'lantern trainee add --name NAME', then run 'lantern learn'"
                                             : "run 'lantern learn --trainee ID' ('lantern trainee list' shows the ids)")
    }
}
