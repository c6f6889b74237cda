import ArgumentParser
import LanternApplication
import Foundation
import LanternCurriculum
import LanternDiagnostics
import LanternRecords

struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Record competency checklist observations.",
        subcommands: [Record.self]
    )

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record one observation; prints nothing but its id on success.",
            discussion: """
            Ratings come from --ratings FILE (YAML or JSON; see docs/records.md) or from \
            --rating CRITERION=LEVEL options. Every criterion that is not optional must be rated. \
            A correction is a new observation with --supersedes ID; observations are never edited.
            """
        )

        @Argument(help: ArgumentHelp("The checklist id, for example 'active-listening'.", valueName: "checklist"))
        var checklist: String

        @Option(help: ArgumentHelp("The trainee's id or external id.", valueName: "trainee"))
        var trainee: String

        @Option(help: ArgumentHelp("The assessor's id.", valueName: "assessor"))
        var assessor: String

        @Option(help: ArgumentHelp("A YAML or JSON file of ratings and evidence notes.", valueName: "file"))
        var ratings: String?

        @Option(name: .customLong("rating"), help: ArgumentHelp("CRITERION=LEVEL (repeat), instead of --ratings.", valueName: "criterion=level"))
        var inlineRatings: [String] = []

        @Option(help: "How it was observed (one of the checklist's methods).")
        var method: String?

        @Option(help: ArgumentHelp("When it was observed (default: today).", valueName: "YYYY-MM-DD"))
        var date: String?

        @Option(help: ArgumentHelp("The observation this one corrects.", valueName: "id"))
        var supersedes: String?

        @OptionGroup var records: RecordsOptions

        func validate() throws {
            if ratings != nil && !inlineRatings.isEmpty {
                throw ValidationError("give --ratings FILE or --rating options, not both")
            }
            if ratings == nil && inlineRatings.isEmpty {
                throw ValidationError("give the ratings with --ratings FILE or --rating CRITERION=LEVEL")
            }
        }

        func run() throws {
            let definition = try records.course().checklist(checklist)
            var file: RatingsFile
            if let ratings {
                file = try RatingsFile.parse(try readText(ratings), path: ratings, checklist: definition)
            } else {
                file = try RatingsFile.parse(inlineYAML(), path: "--rating", checklist: definition)
            }
            if let method { file.method = method }
            if let date { file.date = date }
            if let supersedes { file.supersedes = supersedes }
            guard let chosenMethod = file.method ?? definition.methods.first else {
                throw LanternError("missing-method", "say how the trainee was observed", hint: "pass --method NAME")
            }
            if file.method == nil, definition.methods.count > 1 {
                Console.printError(Diagnostic(.note, "default-method", "no method given: recorded as '\(chosenMethod)', the checklist's first method", at: nil,
                                              hint: "pass --method \(definition.methods.joined(separator: "|")) to record another"))
            }
            if !definition.methods.isEmpty, !definition.methods.contains(chosenMethod) {
                throw LanternError("unknown-method", "'\(chosenMethod)' is not a method of checklist '\(checklist)'",
                                   hint: Suggestions.didYouMean(chosenMethod, in: definition.methods) ?? "methods: \(definition.methods.joined(separator: ", "))")
            }
            let store = try records.open()
            let observation = try store.recordObservation(Observation(
                traineeID: trainee, checklistID: definition.id, checklistHash: definition.contentHash, assessorID: assessor,
                method: chosenMethod, observedOn: file.date ?? Timestamp.today(Date()), ratings: file.ratings,
                competent: definition.isCompetent(file.ratings), supersedes: file.supersedes))
            Console.out(observation.id + "\n")
        }

        private func readText(_ path: String) throws(LanternError) -> String {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LanternError("cannot-read", "cannot read '\(path)'", hint: "check the path")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LanternError("not-utf8", "'\(path)' is not UTF-8 text", at: SourceLocation(path: path))
            }
            return text
        }

        /// `--rating a=b` options as a ratings document.
        private func inlineYAML() throws(LanternError) -> String {
            var lines = ["ratings:"]
            for pair in inlineRatings {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw LanternError("invalid-rating", "'\(pair)' should be CRITERION=LEVEL", hint: "for example --rating open-questions=competent")
                }
                lines.append("  \(jsonString(parts[0])): \(jsonString(parts[1]))")
            }
            return lines.joined(separator: "\n")
        }

        private func jsonString(_ text: String) -> String {
            String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
        }
    }
}
