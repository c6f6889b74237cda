import ArgumentParser
import LanternApplication
import LanternCurriculum
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

    @Option(help: ArgumentHelp("The server's address as people reach it, for the instructions printed (default: 'serve: address:' in lantern.yml, else HOST and the port 'lantern serve' listens on).", valueName: "host[:port]"))
    var server: String?

    @Flag(help: "Cancel every open code of the \(Kind.noun) instead of making one.")
    var revoke = false

    @OptionGroup var records: RecordsOptions

    func validate() throws {
        if InviteToServe.lifetime(expires) == nil {
            throw ValidationError("--expires takes minutes, hours or days, like 90m, 72h or 7d")
        }
        if let server, ServeSettings.parseAddress(server) == nil {
            throw ValidationError("--server takes HOST or HOST:PORT, for example training.example.org:2222")
        }
    }

    func run() throws {
        let invite = InviteToServe(records: try records.open(mustExist: true), actor: records.principal, output: StandardOutput())
        if revoke {
            try invite.revoke(Kind.holder(id))
            return
        }
        let address: ServeSettings.Endpoint
        if let server, let given = ServeSettings.parseAddress(server) {
            address = given
        } else {
            // Outside a workspace (only --db given) there is no lantern.yml to read: the defaults.
            address = Self.configuredAddress((try? records.location.resolve()) == nil ? ServeSettings() : try records.serveSettings())
        }
        try invite.invite(Kind.holder(id), lifetime: InviteToServe.lifetime(expires)!, host: address.host, port: address.port)
    }

    /// `serve: address:` from lantern.yml; else `HOST` (a placeholder staff replace) and the port
    /// `lantern serve` listens on (`serve: listen:`, else 2222), or the listening address itself
    /// when it is one people can reach (not a wildcard or loopback address).
    static func configuredAddress(_ settings: ServeSettings) -> ServeSettings.Endpoint {
        if let address = settings.address { return address }
        let listen = settings.listen ?? ServeSettings.defaultListen
        let reachable = !["0.0.0.0", "::", "127.0.0.1", "::1", "localhost"].contains(listen.host)
        return ServeSettings.Endpoint(host: reachable ? listen.host : "HOST", port: listen.port)
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
