import Foundation
import LanternDiagnostics

/// Adds a quiz or a checklist to a workspace: writes `assessments/ID.md` from a template whose
/// comments explain each field, and lists it in its module's front matter (`assessments:`), or
/// for a program-level quiz in `program.yml` (`assessments:`). Refuses to overwrite a file;
/// writes both files or neither.
public enum AssessmentScaffold {
    public enum Kind: String, Sendable, CaseIterable {
        case quiz, checklist
    }

    /// Where the new assessment belongs.
    public enum Owner: Sendable, Hashable {
        case module(String)
        /// A program-level quiz (the final exam, `scope: program`).
        case program
    }

    /// What was written, for the command to report.
    public struct Written: Sendable, Hashable {
        /// The new assessment file, as displayed.
        public var file: String
        /// The module or program file that now lists it, as displayed.
        public var listedIn: String
    }

    @discardableResult
    public static func add(_ kind: Kind, id: String, owner: Owner, title: String? = nil, to workspace: URL, displayRoot: String,
                           paths: WorkspaceConfig.Paths = .init()) throws(LanternError) -> Written {
        guard Slug.isValid(id) else {
            throw LanternError(.invalidId, "'\(id)' is not a valid \(kind.rawValue) id", hint: "try '\(Slug.suggestion(for: id))' (a-z, 0-9 and hyphens)")
        }
        if kind == .checklist, owner == .program {
            throw LanternError(.invalidOption, "a checklist belongs to a module", hint: "give --module MODULE")
        }
        let relative = paths.assessments + "/" + id + ".md"
        let url = workspace.appendingPathComponent(relative)
        let display = WorkspaceScaffold.join(displayRoot, relative)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw LanternError(.alreadyExists, "\(display) already exists; nothing was written", at: SourceLocation(path: display),
                               hint: "choose another id, or edit the file")
        }
        // Where it is listed: the module's front matter, or program.yml.
        let listRelative: String
        switch owner {
        case .module(let module):
            listRelative = paths.curriculum + "/" + module + ".md"
            guard FileManager.default.fileExists(atPath: workspace.appendingPathComponent(listRelative).path) else {
                throw LanternError(.unknownModule, "there is no module '\(module)' (\(WorkspaceScaffold.join(displayRoot, listRelative)))",
                                   hint: "'lantern new module \(module)' creates it; 'lantern check' lists the modules")
            }
        case .program:
            listRelative = paths.curriculum + "/" + Program.fileName
        }
        let listURL = workspace.appendingPathComponent(listRelative)
        let listDisplay = WorkspaceScaffold.join(displayRoot, listRelative)
        let listText = try SourceText.read(listURL, displayPath: listDisplay).text
        let updated: String
        switch owner {
        case .module: updated = try listInFrontMatter(id, of: listText, path: listDisplay)
        case .program: updated = try ModuleScaffold.insert(id, intoListAt: "assessments", of: listText, path: listDisplay, lineOffset: 0)
        }

        let shownTitle = title ?? id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        let text = kind == .quiz ? quizTemplate(id: id, owner: owner, title: shownTitle) : checklistTemplate(id: id, owner: owner, title: shownTitle)
        try FileWriter.writeAtomically(text, to: url, displayPath: display)
        do {
            try FileWriter.writeAtomically(updated, to: listURL, displayPath: listDisplay)
        } catch {
            try? FileManager.default.removeItem(at: url)
            throw error
        }
        return Written(file: display, listedIn: listDisplay)
    }

    /// A module file with `id` added to `assessments:` in its front matter.
    static func listInFrontMatter(_ id: String, of text: String, path: String) throws(LanternError) -> String {
        var lines = text.components(separatedBy: "\n")
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else {
            throw LanternError(.missingFrontMatter, "\(path) has no front matter to list the assessment in", at: SourceLocation(path: path, line: 1),
                               hint: "fix the module first (run 'lantern check')")
        }
        let frontMatter = lines[1..<close].joined(separator: "\n")
        var updated = try ModuleScaffold.insert(id, intoListAt: "assessments", of: frontMatter, path: path, lineOffset: 1)
        if updated.hasSuffix("\n") { updated.removeLast() }
        lines.replaceSubrange(1..<close, with: updated.components(separatedBy: "\n"))
        return lines.joined(separator: "\n")
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func ownerLines(_ owner: Owner) -> String {
        switch owner {
        case .module(let module):
            return "module: \(module)                # the module it belongs to (its front matter lists it under assessments:)"
        case .program:
            return """
            scope: program              # a program-level assessment (the final exam); program.yml lists it under assessments:
            # after: [module-a, module-b]   # the modules to finish before it opens in the learner (default: all)
            """
        }
    }

    static func quizTemplate(id: String, owner: Owner, title: String) -> String {
        """
        ---
        # A quiz. Lines starting with # are comments; delete them when you no longer need them.
        # Run 'lantern check' after each change: it names any mistake with its line.
        id: \(id)                    # must match the file name
        kind: quiz
        \(ownerLines(owner))
        title: \(quoted(title))      # what learners see
        pass: 80%                   # the pass mark; every question marked critical must also be right
        attempts: 3                 # attempts allowed (0 = no limit); a trainer can grant more (lantern quiz grant)
        wait: 24h                   # the least time between one attempt and the next (30m, 24h, 2d); delete for none
        grading: highest            # which attempts make the grade: highest, average, first or last
        # draw: 10                  # questions per attempt, drawn at random; every critical question is always drawn
        # draw:                     # or: the mapping form
        #   count: 10
        #   per_outcome: 1          # at least one question for each module outcome the quiz tests
        #   per_tag:                # at least this many with each tag (tags=… on a question)
        #     means-safety: 1
        # time_limit: 30m           # a time limit per attempt
        # shuffle: true             # show options in a new order each attempt
        # feedback: after-submit    # when feedback shows: after-each, after-submit or never
        ---

        An optional introduction, shown before the first question. Say what the quiz covers.

        ## Write each question as a heading that ends with its id in braces. {#first-question}

        - [x] Tick the right answer with [x].
          > Feedback for this answer: say why it is right.
        - [ ] Leave wrong answers as [ ].
          > Feedback for this answer: say kindly why it is not right.

        ## Mark a question critical when a trainee must get it right to pass. {#second-question critical}

        - [ ] A wrong answer.
          > Why it is not right.
        - [x] The right answer.
          > Why it is right.

        """
    }

    static func checklistTemplate(id: String, owner: Owner, title: String) -> String {
        """
        ---
        # A competency checklist: what an assessor looks for when they watch a trainee.
        # Lines starting with # are comments. Run 'lantern check' after each change.
        id: \(id)                    # must match the file name
        kind: checklist
        \(ownerLines(owner))
        title: \(quoted(title))      # what assessors and trainees see
        occasions: 2                # Competent needs this many competent occasions, on different days
        scale: [not-yet, with-prompting, competent]   # rating levels, lowest first
        pass_level: competent       # the level a criterion needs
        methods: [role-play, simulation, workplace]   # how it may be observed
        levels:                     # what each level means, for every criterion
          not-yet: Did not do this, or did it in a way that could cause harm.
          with-prompting: Did this only after a hint from the assessor.
          competent: Did this without a hint, in a way that fit the person.
        # assessors: [assessor, supervisor]   # the roles that may observe it (default: assessor or trainer)
        ---

        Instructions for the assessor: the scenario, who plays the person, and how to debrief.

        - Write each criterion as one thing the assessor can see the trainee do. {#first-criterion}
          > An optional note for the assessor, under the criterion.
        - (critical) Mark a safety behaviour critical: below the pass level it blocks Competent. {#safety-criterion}
          - competent: Say what the pass level looks like for this criterion.
          - not-yet: Say what falls short.
        - A criterion that depends on the scenario may be rated n/a. {#scenario-criterion n/a}
        - (optional) An optional criterion is recorded but never blocks Competent. {#optional-criterion}

        """
    }
}
