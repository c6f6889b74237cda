import ArgumentParser
import LanternApplication
import LanternDiagnostics
import LanternRecords

/// Whose invitations and keys a command manages: `trainee …` or `assessor …`.
protocol KeyHolderKind {
    static var noun: String { get }
    static func holder(_ id: String) -> KeyHolder
}

enum TraineeHolder: KeyHolderKind {
    static let noun = "trainee"
    static func holder(_ id: String) -> KeyHolder { .trainee(id) }
}

enum AssessorHolder: KeyHolderKind {
    static let noun = "assessor"
    static func holder(_ id: String) -> KeyHolder { .assessor(id) }
}

/// `lantern trainee invite T` / `lantern assessor invite A`: a one-time code for `lantern serve`.
struct InviteCommand<Kind: KeyHolderKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "invite",
            abstract: "Make a one-time code with which the \(Kind.noun) enrols their SSH key on 'lantern serve'.",
            discussion: """
            The code is printed once and only its hash is kept. It works once, until it expires \
            (--expires, default 72h), and locks after too many wrong tries. The person runs \
            'ssh -p PORT enrol@HOST' and types it; the key they connected with is then theirs. \
            --revoke cancels every open code of the \(Kind.noun).
            """
        )
    }

    @Argument(help: ArgumentHelp("The \(Kind.noun)'s id.", valueName: Kind.noun))
    var id: String

    @Option(help: ArgumentHelp("How long the code works: minutes, hours or days (90m, 72h, 7d).", valueName: "time"))
    var expires: String = "72h"

    @Option(help: ArgumentHelp("The server's address as people reach it, for the instructions printed.", valueName: "host[:port]"))
    var server: String = "HOST:2222"

    @Flag(help: "Cancel every open code of the \(Kind.noun) instead of making one.")
    var revoke = false

    @OptionGroup var records: RecordsOptions

    func validate() throws {
        if InviteToServe.lifetime(expires) == nil {
            throw ValidationError("--expires takes minutes, hours or days, like 90m, 72h or 7d")
        }
    }

    func run() throws {
        let invite = InviteToServe(records: try records.open(mustExist: true), actor: records.principal, output: StandardOutput())
        if revoke {
            try invite.revoke(Kind.holder(id))
            return
        }
        let parts = server.split(separator: ":", maxSplits: 1)
        let port = parts.count == 2 ? Int(parts[1]) ?? 2222 : 22
        try invite.invite(Kind.holder(id), lifetime: InviteToServe.lifetime(expires)!, host: String(parts.first ?? "HOST"), port: port)
    }
}

/// `lantern trainee keys T [remove FINGERPRINT]`: the SSH keys bound to a person.
struct KeysOfPersonCommand<Kind: KeyHolderKind>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "keys",
            abstract: "List the \(Kind.noun)'s SSH keys for 'lantern serve', or remove one ('keys ID remove FINGERPRINT')."
        )
    }

    @Argument(help: ArgumentHelp("The \(Kind.noun)'s id.", valueName: Kind.noun))
    var id: String

    @Argument(help: ArgumentHelp("'remove' and the key's fingerprint (SHA256:…) to remove it.", valueName: "remove fingerprint"))
    var action: [String] = []

    @OptionGroup var records: RecordsOptions

    func validate() throws {
        if !action.isEmpty, action.count != 2 || action[0] != "remove" {
            throw ValidationError("to remove a key, write: lantern \(Kind.noun) keys \(id) remove SHA256:…")
        }
    }

    func run() throws {
        let keys = ManageKeys(records: try records.open(mustExist: true), actor: records.principal, output: StandardOutput())
        if action.count == 2 {
            try keys.remove(action[1], of: Kind.holder(id))
        } else {
            try keys.list(Kind.holder(id))
        }
    }
}
