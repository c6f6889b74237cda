import Foundation
import LanternDiagnostics

/// Creates a new workspace that passes `lantern check`: settings, a program, one module and
/// one quiz to copy from.
public enum WorkspaceScaffold {
    /// The files written, relative to the new workspace root.
    public static let files = ["lantern.yml", "curriculum/program.yml", "curriculum/welcome.md", "assessments/welcome-quiz.md"]

    /// Creates the workspace in `folder` (created if needed). Refuses to touch a folder that
    /// already holds any of the files, so nothing is overwritten.
    public static func create(at folder: URL, displayPath: String, organisation: String) throws(LanternError) {
        for relative in files where FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path) {
            throw LanternError(.alreadyExists, "\(relative) already exists here; nothing was written",
                               at: SourceLocation(path: join(displayPath, relative)),
                               hint: "choose an empty folder, or edit the existing workspace")
        }
        let contents = [
            "lantern.yml": lanternYML(organisation: organisation),
            "curriculum/program.yml": programYML,
            "curriculum/welcome.md": welcomeModule,
            "assessments/welcome-quiz.md": welcomeQuiz,
        ]
        var written: [URL] = []
        for relative in files {
            let url = folder.appendingPathComponent(relative)
            do {
                try FileWriter.writeAtomically(contents[relative]!, to: url, displayPath: join(displayPath, relative))
                written.append(url)
            } catch {
                for url in written { try? FileManager.default.removeItem(at: url) }
                throw error
            }
        }
        try writeIgnoreFile(in: folder, displayPath: displayPath)
    }

    /// What `git` must never pick up in a workspace: the records database and signing keys
    /// (`.lantern/`), the built site, the previous site kept beside it and the build's staging
    /// folders.
    public static let ignoredPaths = [".lantern/", "site/", ".site.old/", ".site.building/", ".site.swap/",
                                      "*.sqlite", "*.sqlite-wal", "*.sqlite-shm"]

    static var gitignore: String {
        "# Written by 'lantern init'. Never commit the records (personal data), the signing keys,\n"
            + "# or the generated site: see docs/records.md.\n" + ignoredPaths.joined(separator: "\n") + "\n"
    }

    /// Writes `.gitignore`, or adds to an existing one the lines it lacks (its own lines are kept).
    static func writeIgnoreFile(in folder: URL, displayPath: String) throws(LanternError) {
        let url = folder.appendingPathComponent(".gitignore")
        let display = join(displayPath, ".gitignore")
        guard let existing = try? String(contentsOf: url, encoding: .utf8) else {
            try FileWriter.writeAtomically(gitignore, to: url, displayPath: display)
            return
        }
        let present = Set(existing.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = ignoredPaths.filter { !present.contains($0) }
        guard !missing.isEmpty else { return }
        let separator = existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n"
        try FileWriter.writeAtomically(existing + separator + "\n# Added by 'lantern init'\n" + missing.joined(separator: "\n") + "\n",
                                       to: url, displayPath: display)
    }

    static func join(_ root: String, _ relative: String) -> String {
        root.isEmpty || root == "." ? relative : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
    }

    static func lanternYML(organisation: String) -> String {
        let quoted = "\"" + organisation.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return """
        # Lantern workspace settings. See docs/authoring.md for every key.
        organisation:
          name: \(quoted)
          url: https://example.org/
        site:
          base_url: https://training.example.org/
        # region: US        # which crisis resources are local (two-letter country code)
        # serve:            # lantern serve (docs/serve.md)
        #   listen: 127.0.0.1:2222                # where it listens
        #   address: training.example.org:2222    # what invitations tell people to connect to
        #   assessors_see: assigned               # or all: which trainees assessors see

        """
    }

    static let programYML = """
    id: my-program
    title: My Training Program
    summary: What this program prepares people to do.
    modules: [welcome]
    certificate:
      requires:
        quizzes: all
        checklists: all
        practicum_hours: 0
      valid_for: 2y
      statement: "Completion of this training program; not a state or national licence."

    """

    static let welcomeModule = """
    ---
    id: welcome
    title: Welcome
    summary: How this course works and how to get the most from it.
    minutes: 20
    outcomes:
      - id: lo1
        text: Find your way around the course and know how progress is recorded.
    assessments: [welcome-quiz]
    ---

    # How this course works

    Each module has a short reading, a quiz and, for practical skills, an observed
    checklist. Take your time: you can stop and come back at any point.

    ## What to do next

    1. Read each module in order.
    2. Take its quiz when you feel ready.
    3. Talk to your trainer about anything that is unclear.

    """

    static let welcomeQuiz = """
    ---
    id: welcome-quiz
    kind: quiz
    module: welcome
    title: Welcome — check your understanding
    pass: 80%
    ---

    ## What should you do if part of a module is unclear? {#unclear outcome=lo1}

    - [ ] Skip it and hope it does not come up again.
      > Gaps tend to matter later; it is worth asking.
    - [x] Ask your trainer or supervisor.
      > Yes: asking is part of learning, not a sign of failure.

    """
}
