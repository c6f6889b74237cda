import Foundation

/// A small valid workspace to start a test from: two modules, a quiz, a checklist.
/// Tests change one file to break it in one place.
public enum SampleWorkspace {
    public static let files: [String: String] = [
        "lantern.yml": """
        organisation:
          name: Test Training Org
          url: https://example.org/
        site:
          base_url: https://training.example.org/
        region: US

        """,
        "curriculum/program.yml": """
        id: test-program
        title: Test Program
        modules: [intro, listening]
        certificate:
          requires:
            quizzes: all
            checklists: all
            practicum_hours: 10
          valid_for: 2y
          renewal:
            ce_hours: 20
            ce_ethics_hours: 6
          statement: "A training certificate, not a licence."

        """,
        "curriculum/intro.md": """
        ---
        id: intro
        title: Introduction
        summary: What peer support is.
        minutes: 30
        outcomes:
          - id: lo1
            text: Say what peer support is.
        assessments: [intro-quiz]
        ---

        # What peer support is

        Peer support is support from someone with lived experience.
        Read [listening](listening.md#open-questions) next.

        """,
        "curriculum/listening.md": """
        ---
        id: listening
        title: Listening
        summary: Listening so people feel heard.
        minutes: 60
        outcomes:
          - id: lo1
            text: Use open questions.
        requires: [intro]
        assessments: [listening-skills]
        tags: [ethics]
        ---

        # Listening

        ## Open questions

        Ask *what* and *how* questions. See [the introduction](intro.md).

        """,
        "curriculum/crisis-resources.yml": """
        resources:
          - country: US
            service: 988 Suicide & Crisis Lifeline
            contact: Call or text 988
            channels: [phone, text, chat]
            hours: 24/7
            url: https://988lifeline.org/
            source: https://988lifeline.org/
            verified: 2026-10-01

        """,
        "assessments/intro-quiz.md": """
        ---
        id: intro-quiz
        kind: quiz
        module: intro
        title: Introduction quiz
        pass: 80%
        ---

        ## Who sets the goals in peer support? {#goals outcome=lo1}

        - [x] The person receiving support.
          > Yes: the person decides.
        - [ ] The peer worker.
          > The peer may offer ideas, but the person decides.

        """,
        "assessments/listening-skills.md": """
        ---
        id: listening-skills
        kind: checklist
        module: listening
        title: Listening in a role-play
        occasions: 2
        scale: [not-yet, with-prompting, competent]
        pass_level: competent
        methods: [role-play]
        ---

        - (critical) Explains confidentiality and its limits first. {#confidentiality}
        - Uses open questions. {#open-questions}

        """,
    ]

    /// Writes the sample workspace into a new temporary folder.
    public static func create() throws -> TemporaryFolder {
        let folder = try TemporaryFolder(prefix: "lantern-ws")
        for (relative, text) in files { try folder.write(relative, text) }
        return folder
    }
}
