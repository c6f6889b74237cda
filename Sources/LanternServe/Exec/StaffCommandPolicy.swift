/// Which `lantern` commands staff may run over SSH (`ssh HOST report cohort C`): reading,
/// recording and certificate commands. Never a command or option that names a file or folder on
/// the server (the workspace, the database, answer or ratings files, output files), the signing
/// keys, `serve`, `learn`, or `--as` (the records name the key's principal).
public enum StaffCommandPolicy {
    /// Allowed commands, as their words.
    public static let allowed: [[String]] = [
        ["progress"], ["stats"], ["report", "cohort"],
        ["trainee", "list"], ["trainee", "show"], ["trainee", "add"], ["trainee", "edit"],
        ["trainee", "invite"], ["trainee", "keys"],
        ["assessor", "list"], ["assessor", "show"], ["assessor", "add"], ["assessor", "edit"], ["assessor", "invite"], ["assessor", "keys"],
        ["assessor", "assign"], ["assessor", "unassign"],
        ["enroll"], ["checklist", "record"],
        ["hours", "log"], ["hours", "list"], ["hours", "sign"], ["hours", "void"],
        ["quiz", "mark"], ["quiz", "regrade"], ["quiz", "grant"],
        ["cert", "status"], ["cert", "list"], ["cert", "show"], ["cert", "expiring"], ["cert", "issue"],
        ["cert", "revoke"], ["cert", "suspend"], ["cert", "reinstate"], ["cert", "renew"], ["cert", "reissue"],
    ]

    /// Options refused anywhere (with or without `=VALUE`): each names a server path or an actor.
    public static let refusedOptions: Set<String> = ["--db", "--workspace", "-C", "--as", "--ratings", "--answers", "--output", "-o"]

    /// The refused options' one-letter forms, looked for inside grouped short options.
    static let refusedShortLetters: Set<Character> = Set(refusedOptions.filter { $0.count == 2 }.compactMap(\.last))

    /// The arguments to run, or why not.
    public static func check(_ words: [String]) -> Result<[String], StaffCommandRefusal> {
        guard !words.isEmpty else { return .failure(.init("no command given")) }
        guard let match = allowed.first(where: { words.starts(with: $0) }) else {
            let tried = words.prefix(2).map(TerminalSafe.clean).joined(separator: " ")
            return .failure(.init("'\(tried)' cannot be run over SSH; allowed: " + allowed.map { $0.joined(separator: " ") }.joined(separator: ", ")))
        }
        for word in words.dropFirst(match.count) {
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if refusedOptions.contains(name) {
                return .failure(.init("the option \(name) cannot be used over SSH (it names a file, the database or who acts)"))
            }
            // Short options run together: a value joined on (-oFILE, -C/) or grouped behind a flag
            // (-yC DIR, which ArgumentParser reads as -y -C DIR). Any single-dash word holding a
            // refused letter is refused, even where it might have been meant as a value.
            if word.hasPrefix("-"), !word.hasPrefix("--"), word.count > 2,
               let letter = word.dropFirst().first(where: { refusedShortLetters.contains($0) }) {
                return .failure(.init("the option -\(letter) cannot be used over SSH (in '\(TerminalSafe.clean(word))')"))
            }
        }
        return .success(words)
    }
}

/// Why a staff command was refused (shown to the person who sent it).
public struct StaffCommandRefusal: Error, Sendable, Equatable {
    public let message: String
    init(_ message: String) { self.message = message }
}

/// Control characters out of text echoed back to a client.
enum TerminalSafe {
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "\u{FFFD}" : $0 }))
    }
}
