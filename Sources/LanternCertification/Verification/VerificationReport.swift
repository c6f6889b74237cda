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

    public var isValid: Bool { verdict == .valid }

    public func step(_ name: String) -> Step? { steps.first { $0.name == name } }

    /// Machine-readable form (`--json`).
    public var json: JSONValue {
        var object = JSONObject([("verdict", .string(verdict.rawValue)), ("valid", .bool(isValid))])
        if let credentialID { object["credential"] = .string(credentialID) }
        if let achievementName { object["achievement"] = .string(achievementName) }
        if let issuerName { object["issuer"] = .string(issuerName) }
        if let validFrom { object["validFrom"] = .string(validFrom) }
        if let validUntil { object["validUntil"] = .string(validUntil) }
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
        lines.append("verdict: \(verdict.phrase)")
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
