import Foundation

/// The outcome of verifying one credential: each step with pass, fail or warn, and a verdict.
public struct VerificationReport: Sendable, Hashable {
    public enum StepStatus: String, Sendable, Hashable { case pass, fail, warn }

    public struct Step: Sendable, Hashable {
        public var name: String
        public var status: StepStatus
        public var detail: String

        public init(_ name: String, _ status: StepStatus, _ detail: String) {
            self.name = name
            self.status = status
            self.detail = detail
        }
    }

    public enum Verdict: String, Sendable, Hashable {
        case valid
        case expired
        case notYetValid = "not-yet-valid"
        case revoked
        case suspended
        /// Tampered, wrong key, unknown key, refused algorithm, bad structure, wrong recipient…
        case invalid
        /// Carries a proof Lantern cannot check (e.g. a Data Integrity proof): not shown as valid.
        case unverifiable
        /// Something needed to decide (issuer profile, keys, status list) was not given or could
        /// not be read: neither valid nor not valid. `toDo` says what to give.
        case cannotCheck = "cannot-check"

        /// What a person reads.
        public var phrase: String {
            switch self {
            case .valid: return "valid"
            case .expired: return "not valid: expired"
            case .notYetValid: return "not valid: not yet valid"
            case .revoked: return "not valid: revoked"
            case .suspended: return "not valid: suspended"
            case .invalid: return "not valid"
            case .unverifiable: return "not verified: unsupported proof type"
            case .cannotCheck: return "cannot check"
            }
        }

        /// `cert verify`'s exit status (docs/decisions.md): 0 valid, 3 cannot check, 1 otherwise.
        public var exitCode: Int32 {
            switch self {
            case .valid: return 0
            case .cannotCheck: return 3
            default: return 1
            }
        }
    }

    public var verdict: Verdict
    public var steps: [Step]
    /// The credential's `id`, when it could be read.
    public var credentialID: String?
    public var achievementName: String?
    public var issuerName: String?
    public var validFrom: String?
    public var validUntil: String?
    /// For *cannot check*: what to give or fetch so the verdict can be reached.
    public var toDo: [String]
    /// Whether the credential was accepted through the legacy path (made before issue 16).
    public var legacy: Bool

    public init(verdict: Verdict, steps: [Step], credentialID: String? = nil, achievementName: String? = nil, issuerName: String? = nil,
                validFrom: String? = nil, validUntil: String? = nil, toDo: [String] = [], legacy: Bool = false) {
        self.verdict = verdict
        self.steps = steps
        self.credentialID = credentialID
        self.achievementName = achievementName
        self.issuerName = issuerName
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.toDo = toDo
        self.legacy = legacy
    }

    public var isValid: Bool { verdict == .valid }

    public func step(_ name: String) -> Step? { steps.first { $0.name == name } }

    /// For a *not valid* verdict: the step that decided it (revoked → status, expired →
    /// validity, a forgery → parse, structure, issuer or signature).
    public var failingStep: String? {
        guard verdict != .valid, verdict != .cannotCheck else { return nil }
        switch verdict {
        case .revoked, .suspended: return "status"
        case .expired, .notYetValid: return "validity"
        default: return steps.first { $0.status == .fail }?.name
        }
    }

    /// Machine-readable form (`--json`).
    public var json: JSONValue {
        var object = JSONObject([("verdict", .string(verdict.rawValue)), ("valid", .bool(isValid))])
        if let credentialID { object["credential"] = .string(credentialID) }
        if let achievementName { object["achievement"] = .string(achievementName) }
        if let issuerName { object["issuer"] = .string(issuerName) }
        if let validFrom { object["validFrom"] = .string(validFrom) }
        if let validUntil { object["validUntil"] = .string(validUntil) }
        if let failingStep { object["failingStep"] = .string(failingStep) }
        if !toDo.isEmpty { object["toDo"] = .array(toDo.map(JSONValue.string)) }
        object["legacy"] = .bool(legacy)
        object["steps"] = .array(steps.map { ["name": .string($0.name), "status": .string($0.status.rawValue), "detail": .string($0.detail)] })
        return .object(object)
    }

    /// Text for people: one line per step, then the verdict. Whatever came from the credential
    /// (ids, names, algorithms, key ids) is shown with control and bidirectional-override
    /// characters escaped and cut to a readable length, so a crafted credential cannot add
    /// lines, move the cursor or reorder text to fake a verdict on the verifier's terminal.
    public var text: String {
        var lines: [String] = []
        if let credentialID { lines.append("credential \(Self.printable(credentialID))") }
        if let achievementName { lines.append("  \(Self.printable(achievementName))\(issuerName.map { " — issued by \(Self.printable($0))" } ?? "")") }
        let width = steps.map(\.name.count).max() ?? 0
        for step in steps {
            lines.append("  \(step.status.rawValue.padding(toLength: 4, withPad: " ", startingAt: 0))  \(step.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(Self.printable(step.detail))")
        }
        for item in toDo { lines.append("to check it: \(Self.printable(item))") }
        lines.append("verdict: \(verdict.phrase)" + (failingStep.map { verdict == .invalid ? " (failed at: \($0))" : "" } ?? ""))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Longest run of text from a credential shown on one line.
    static let maximumShownLength = 400

    /// `text` safe to print on a terminal: C0/C1 controls, DEL and bidirectional controls as
    /// `\u{…}` escapes; at most ``maximumShownLength`` characters.
    static func printable(_ text: String) -> String {
        var out = ""
        var shown = 0
        for scalar in text.unicodeScalars {
            if shown == maximumShownLength {
                out += "… (cut)"
                break
            }
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x061C {
                out += "\\u{" + String(value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
            shown += 1
        }
        return out
    }
}
