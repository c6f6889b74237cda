import Foundation
import LanternDiagnostics

/// Verifies credentials from files alone, step by step (certificates.md): parse, structure,
/// conformance, schema, issuer, signature, status, validity window, recipient. Nothing here
/// reads a database; what the issuer published (`issuer.json`, `jwks.json`, the status list)
/// is passed in.
///
/// Three verdicts: *valid*; *not valid* (with the failing step: tampered, unknown key, revoked,
/// expired, …); *cannot check* — something needed to decide (the issuer profile, its keys, the
/// status list the credential names) was not given or could not be read, so nothing is claimed.
///
/// The issuer profile and status lists are checked once when the verifier is made, so one
/// verifier can check many credentials quickly.
public struct CredentialVerifier: Sendable {
    public let issuer: IssuerProfile.Resolved?
    /// Why the issuer profile could not be read, if it could not.
    public let issuerProblem: String?
    public let statusLists: [VerifiedStatusList]
    public let schema: JSONSchemaValidator?
    public let now: Date
    /// For an expired credential: the id of the credential that renewed it, if the caller knows.
    public let renewal: @Sendable (String) -> String?

    /// - Parameters:
    ///   - issuerProfile: `issuer.json` text, or nil when not given.
    ///   - keys: `jwks.json` text, or nil when not given.
    ///   - statusLists: signed status list credentials (any number; each credential's entry
    ///     picks the one whose id it names).
    public init(issuerProfile: String?, keys: String? = nil, statusLists: [String], schema: JSONSchemaValidator? = nil, now: Date = Date(),
                renewal: @escaping @Sendable (String) -> String? = { _ in nil }) {
        var issuer: IssuerProfile.Resolved?
        var problem: String?
        if let issuerProfile {
            do { issuer = try IssuerProfile.resolve(issuerProfile, jwks: keys) } catch {
                problem = (error.location.map { "\($0): " } ?? "") + error.message
            }
        }
        self.issuer = issuer
        issuerProblem = problem
        self.statusLists = statusLists.map { VerifiedStatusList(text: $0, issuer: issuer) }
        self.schema = schema
        self.now = now
        self.renewal = renewal
    }

    /// One status list (or none).
    public init(issuerProfile: String?, keys: String? = nil, statusList: String?, schema: JSONSchemaValidator? = nil, now: Date = Date(),
                renewal: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.init(issuerProfile: issuerProfile, keys: keys, statusLists: statusList.map { [$0] } ?? [], schema: schema, now: now, renewal: renewal)
    }

    /// What to say when a step could not be checked: the step and what to do about it.
    struct Unchecked {
        var reasons: [String] = []
        mutating func add(_ reason: String) { reasons.append(reason) }
    }

    /// Runs every step on one credential (a compact JWS or a JSON credential); `path` names the
    /// file in the positions of JSON syntax errors.
    public func verify(_ text: String, email: String? = nil, path: String = "credential") -> VerificationReport {
        var steps: [VerificationReport.Step] = []
        var unsupportedProof = false
        var unchecked = Unchecked()
        var legacy: [String] = []

        // 1. Parse. A byte-order mark (Windows editors add one) is not part of the credential.
        var text = Substring(text)
        if text.unicodeScalars.first == "\u{FEFF}" { text = Substring(text.unicodeScalars.dropFirst()) }
        let trimmed = text.trimmingCharacters(in: " \t\r\n")
        var jws: CompactJWS?
        let credential: JSONObject
        var claims = JSONObject()
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            do {
                // The untrimmed text, so positions count the lines before the JSON too.
                guard let object = try JSONParser.parse(String(text), path: path).objectValue else {
                    return Self.failedParse("the JSON is not an object: a credential is one JSON object {…}")
                }
                credential = object
            } catch {
                return Self.failedParse(error)
            }
            steps.append(.init("parse", .pass, "JSON credential"))
        } else {
            // A compact JWS never holds white space, so spaces and line breaks inside it are an email
            // program's wrapping of a long line: they are left out, and the report says so.
            let joined = trimmed.filter { !" \t\r\n".contains($0) }
            do { jws = try CompactJWS(parsing: joined) } catch { return Self.failedParse(error) }
            guard var payload = jws?.payload.objectValue else { return Self.failedParse("the JWS payload is not a JSON object") }
            // VC-JOSE-COSE: the payload is the credential; a `vc` claim MUST NOT be present. A
            // token carrying one is refused, never unwrapped (two verifiers could check two copies).
            if payload["vc"] != nil {
                return Self.failedParse("the JWT carries a 'vc' claim: VC-JOSE-COSE forbids it (the payload must be the credential itself), so the token is refused")
            }
            for name in CredentialSigner.registeredClaims {
                if let value = payload[name] { claims[name] = value; payload[name] = nil }
            }
            credential = payload
            steps.append(.init("parse", .pass, "compact JWS (VC-JWT), payload is the credential"
                + (joined.count == trimmed.count ? "" : "; the line breaks inside it were left out (an email program wraps long lines)")))
        }
        let value = JSONValue.object(credential)

        // 2. Structure.
        let problems = Self.structureProblems(credential, claims: claims, header: jws?.header)
        steps.append(problems.isEmpty
            ? .init("structure", .pass, "VC 2.0 and Open Badges 3.0 contexts, types and required members; dates with time zones; JWT claims match")
            : .init("structure", .fail, problems.prefix(4).joined(separator: "; ") + (problems.count > 4 ? "; and \(problems.count - 4) more" : "")))
        if jws != nil { legacy += Self.legacyFindings(credential, claims: claims, header: jws?.header) }

        // 2b. JSON Schema.
        if let schema {
            if !schema.unsupportedKeywords.isEmpty {
                let keywords = schema.unsupportedKeywords.sorted().joined(separator: ", ")
                unchecked.add("check the schema with a full JSON Schema validator: it uses \(keywords), which Lantern's validator does not implement")
                steps.append(.init("schema", .warn, "cannot check: the schema uses assertion keywords this validator does not implement (\(keywords)), so it was not applied"))
            } else {
                let failures = schema.validate(value)
                steps.append(failures.isEmpty
                    ? .init("schema", .pass, "valid against the Open Badges 3.0 AchievementCredential JSON Schema")
                    : .init("schema", .fail, failures.prefix(3).map(\.description).joined(separator: "; ") + (failures.count > 3 ? "; and \(failures.count - 3) more" : "")))
            }
        } else {
            steps.append(.init("schema", .warn, "not checked: no JSON Schema given"))
        }

        // 3. Issuer and 4. Signature.
        let issuerID = credential["issuer"]?.stringValue ?? credential["issuer"]?["id"]?.stringValue
        let issuerShown = issuerID ?? "the issuer"
        if let jws {
            var key: PublicJWK?
            var keyUnchecked = false
            if let issuerProblem {
                keyUnchecked = true
                unchecked.add("fetch the issuer profile again from \(issuerShown) (the one given cannot be read)")
                steps.append(.init("issuer", .warn, "cannot check: the issuer profile cannot be read: \(issuerProblem)"))
            } else if let issuer {
                if issuerID != issuer.id {
                    keyUnchecked = true
                    unchecked.add("give the issuer profile of \(issuerShown) (the one given is \(issuer.id))")
                    steps.append(.init("issuer", .warn, "cannot check: the credential names issuer \(issuerShown) but the profile given is \(issuer.id)"))
                } else if let kid = jws.keyID {
                    // When the credential says it was issued: its start, or a later `iat`. A
                    // retired key signed nothing dated after its retirement.
                    let signed = [credential["validFrom"]?.stringValue.flatMap(CredentialDate.parse),
                                  claims["iat"]?.intValue.map { Date(timeIntervalSince1970: TimeInterval($0)) }].compactMap { $0 }.max()
                    switch issuer.key(for: kid) {
                    case .revoked(let why):
                        steps.append(.init("issuer", .fail, "revoked key: \(why)"))
                    case .found(let found), .foundLegacy(let found, _):
                        if let problem = issuer.retirementProblem(found, signed: signed, what: "the credential") {
                            steps.append(.init("issuer", .fail, "retired key: \(problem)"))
                        } else if case .foundLegacy(_, let why) = issuer.key(for: kid) {
                            key = found
                            legacy.append(why)
                            steps.append(.init("issuer", .pass, "key \(kid) is published by the issuer (\(why))"))
                        } else {
                            key = found
                            steps.append(.init("issuer", .pass, "key \(kid) is in the issuer's published key set (\(issuer.jwksURL))"
                                               + (issuer.retired[found.thumbprint].map { "; retired on \(CredentialDate.format($0)), after this credential was issued" } ?? "")))
                        }
                    case .unknown(let why):
                        if let keysProblem = issuer.keysProblem {
                            keyUnchecked = true
                            unchecked.add("fetch the issuer's keys again from \(issuer.jwksURL) (the ones given cannot be read)")
                            steps.append(.init("issuer", .warn, "cannot check: the key set cannot be read: \(keysProblem)"))
                        } else if !issuer.hasKeys {
                            keyUnchecked = true
                            unchecked.add("give the issuer's keys: \(issuer.jwksURL) (cert verify --keys jwks.json)")
                            steps.append(.init("issuer", .warn, "cannot check: no key set given (the issuer publishes it at \(issuer.jwksURL))"))
                        } else {
                            steps.append(.init("issuer", .fail, "unknown key: \(why)"))
                        }
                    }
                } else {
                    steps.append(.init("issuer", .fail, "the JWS header has no 'kid'"))
                }
            } else {
                keyUnchecked = true
                unchecked.add("give the issuer profile and keys: \(issuerID.map { Self.siblingURL($0, "issuer.json") } ?? "issuer.json") and \(issuerID.map { IssuerProfile.Resolved.jwksURL(issuerID: $0) } ?? "jwks.json") (cert verify --issuer FILE --keys FILE)")
                steps.append(.init("issuer", .warn, "cannot check: no issuer profile given, so the signing key cannot be resolved"))
            }
            steps.append(Self.signatureStep(jws, key: key, keyUnchecked: keyUnchecked))
        } else {
            steps.append(.init("issuer", .warn, "not checked: the credential is not a VC-JWT, so there is no key id to resolve"))
            if let proof = credential["proof"] {
                let proofs = proof.arrayValue ?? [proof]
                let kinds = proofs.map { proof -> String in
                    let type = proof["type"]?.stringValue ?? "untyped"
                    return proof["cryptosuite"]?.stringValue.map { "\(type) (\($0))" } ?? type
                }
                unsupportedProof = true
                steps.append(.init("signature", .fail, "unsupported proof type \(kinds.joined(separator: ", ")): Lantern verifies VC-JWT (ES256) only, so this proof was not checked"))
            } else {
                steps.append(.init("signature", .fail, "no proof: the credential is not signed"))
            }
        }

        // 5. Status.
        var statusVerdict: VerificationReport.Verdict?
        var statusHard = false
        let statusStep = self.statusStep(credential["credentialStatus"], verdict: &statusVerdict, hard: &statusHard,
                                         unchecked: &unchecked, legacy: &legacy, checkMessages: jws != nil)
        steps.append(statusStep)

        // 6. Validity window.
        var windowVerdict: VerificationReport.Verdict?
        let validFromText = credential["validFrom"]?.stringValue ?? credential["issuanceDate"]?.stringValue
        let validUntilText = credential["validUntil"]?.stringValue ?? credential["expirationDate"]?.stringValue
        let validFrom = validFromText.flatMap(CredentialDate.parse)
        let validUntil = validUntilText.flatMap(CredentialDate.parse)
        if let validFrom, validFrom > now {
            windowVerdict = .notYetValid
            steps.append(.init("validity", .fail, "not yet valid: valid from \(validFromText ?? "")"))
        } else if let validUntil, validUntil <= now {
            windowVerdict = .expired
            var detail = "expired on \(validUntilText ?? "")"
            if let id = credential["id"]?.stringValue {
                detail += renewal(id).map { "; renewed by \($0)" } ?? "; no renewal known"
            }
            steps.append(.init("validity", .fail, detail))
        } else if validFrom == nil {
            steps.append(.init("validity", .fail, "no valid start date"))
        } else {
            steps.append(.init("validity", .pass, "valid from \(validFromText ?? "")" + (validUntilText.map { " until \($0)" } ?? ", no expiry")))
        }

        // 7. Recipient.
        if let email {
            steps.append(Self.recipientStep(credential, email: email))
        }

        // Conformance: what a credential made by an earlier release lacks. Accepted, said plainly.
        if !legacy.isEmpty {
            steps.append(.init("conformance", .warn,
                               "legacy credential (made by a Lantern release before issue 16): \(legacy.joined(separator: "; ")). Lantern accepts it, but strict Open Badges 3.0 verifiers may reject it; the issuer can replace it with 'lantern cert reissue \(Self.shortID(credential["id"]?.stringValue) ?? "ID")'"))
        }

        let hardFailure = steps.contains { $0.status == .fail && ["parse", "structure", "schema", "issuer", "recipient"].contains($0.name) }
            || (steps.contains { $0.name == "signature" && $0.status == .fail } && !unsupportedProof)
            || statusHard
            || steps.contains { $0.name == "validity" && $0.status == .fail && windowVerdict == nil }
        let verdict: VerificationReport.Verdict
        if hardFailure { verdict = .invalid }
        else if unsupportedProof { verdict = .unverifiable }
        else if let statusVerdict { verdict = statusVerdict }
        else if let windowVerdict { verdict = windowVerdict }
        else if !unchecked.reasons.isEmpty { verdict = .cannotCheck }
        else { verdict = .valid }

        return VerificationReport(
            verdict: verdict, steps: steps, credentialID: credential["id"]?.stringValue,
            achievementName: credential["credentialSubject"]?["achievement"]?["name"]?.stringValue ?? credential["name"]?.stringValue,
            issuerName: credential["issuer"]?["name"]?.stringValue, validFrom: validFromText, validUntil: validUntilText,
            toDo: verdict == .cannotCheck ? unchecked.reasons : [], legacy: !legacy.isEmpty)
    }

    /// `…/credentials/<id>/` → `<id>`.
    static func shortID(_ url: String?) -> String? {
        guard let url, let range = url.range(of: "/credentials/") else { return nil }
        let rest = url[range.upperBound...].prefix { $0 != "/" }
        return rest.isEmpty ? nil : String(rest)
    }

    /// `https://x/issuer.json` → `https://x/<name>`.
    static func siblingURL(_ url: String, _ name: String) -> String {
        guard let slash = url.lastIndex(of: "/") else { return name }
        return String(url[...slash]) + name
    }

    private static func failedParse(_ detail: String) -> VerificationReport {
        VerificationReport(verdict: .invalid, steps: [.init("parse", .fail, detail)])
    }

    /// A parse failure with its position (`path:line:col: `) when it has one.
    private static func failedParse(_ error: LanternError) -> VerificationReport {
        failedParse((error.location.map { "\($0): " } ?? "") + error.message)
    }

    private static func signatureStep(_ jws: CompactJWS, key: PublicJWK?, keyUnchecked: Bool) -> VerificationReport.Step {
        guard let algorithm = jws.algorithm else { return .init("signature", .fail, "the JWS header has no 'alg'") }
        guard algorithm == ES256.algorithm else {
            let why = algorithm.lowercased() == "none" ? "an unsigned token ('alg: none') is never accepted"
                : algorithm.hasPrefix("HS") ? "\(algorithm) is a shared-secret algorithm; accepting it would let anyone holding the public key forge credentials"
                : "\(algorithm) is not allowed"
            return .init("signature", .fail, "algorithm refused: \(why); only ES256 is accepted")
        }
        if jws.header["crit"] != nil { return .init("signature", .fail, "the JWS header has critical extensions Lantern does not know") }
        guard let key else {
            return keyUnchecked ? .init("signature", .warn, "cannot check: the signing key is not known (see the issuer step)")
                : .init("signature", .fail, "not checked: the signing key could not be resolved")
        }
        guard ES256.verify(signature: jws.signature, input: jws.signingInput, key: key.key) else {
            return .init("signature", .fail, "ES256 signature does not verify: the credential was altered or signed with another key")
        }
        return .init("signature", .pass, "ES256 signature verifies")
    }

    private func statusStep(_ status: JSONValue?, verdict: inout VerificationReport.Verdict?, hard: inout Bool,
                            unchecked: inout Unchecked, legacy: inout [String], checkMessages: Bool) -> VerificationReport.Step {
        guard let status else { return .init("status", .pass, "the credential has no status entry (it cannot be revoked)") }
        let entries = status.arrayValue ?? [status]
        guard let entry = entries.first(where: { $0["type"]?.stringValue == "BitstringStatusListEntry" }) else {
            let types = entries.compactMap { $0["type"]?.stringValue }.joined(separator: ", ")
            return .init("status", .warn, "not checked: unsupported status type \(types.isEmpty ? "(none)" : types)")
        }
        func fail(_ detail: String) -> VerificationReport.Step { hard = true; return .init("status", .fail, detail) }
        guard let listURL = entry["statusListCredential"]?.stringValue,
              let indexText = entry["statusListIndex"]?.stringValue ?? entry["statusListIndex"]?.intValue.map(String.init),
              let index = Int(indexText), index >= 0
        else { return fail("the status entry has no statusListCredential or statusListIndex") }
        // Absent means 1; present but not a small whole number (1e300, "2", 2.5) is refused, not defaulted.
        let size = entry["statusSize"].map { $0.intValue ?? 0 } ?? 1
        guard (1...8).contains(size) else {
            return fail("statusSize \(entry["statusSize"]?.serialized.prefix(40) ?? "") is not supported (1 to 8 bits)")
        }
        let purpose = entry["statusPurpose"]?.stringValue ?? ""
        let messages = entry["statusMessage"]?.arrayValue ?? []
        if checkMessages && size > 1 && messages.count != 1 << size {
            legacy.append("its status entry has \(messages.count) statusMessage values for statusSize \(size), where Bitstring Status List §2.1 needs \(1 << size)")
        }
        guard let list = statusLists.first(where: { $0.id == listURL }) ?? statusLists.first(where: { $0.id == nil }) else {
            unchecked.add("give the status list \(listURL) (cert verify --status FILE)")
            return .init("status", .warn, "cannot check: the credential names the status list \(listURL), which was not given")
        }
        switch list {
        case .failed(_, let reason):
            unchecked.add("fetch the status list again from \(listURL)")
            return .init("status", .warn, "cannot check: \(reason)")
        case .verified(_, let purposes, let bytes, let validUntil):
            guard purposes.contains(purpose) else { return fail("the status list's purpose is \(purposes.joined(separator: ", ")), the entry's is \(purpose)") }
            if let validUntil, validUntil < now {
                unchecked.add("fetch a current status list from \(listURL)")
                return .init("status", .warn, "cannot check: the status list given expired on \(CredentialDate.format(validUntil))")
            }
            // Compared by division: `(index + 1) * size` overflows for an index near Int.max.
            guard index < bytes.count * 8 / size else { return fail("index \(index) is outside the status list") }
            var value = 0
            for bit in (index * size)..<((index + 1) * size) {
                value = value << 1 | Int((bytes[bit / 8] >> (7 - UInt8(bit % 8))) & 1)
            }
            let message: String
            switch purpose {
            case "revocation": message = value == 0 ? "valid" : "revoked"
            case "suspension": message = value == 0 ? "valid" : "suspended"
            default:
                let hex = "0x" + String(value, radix: 16)
                message = messages.first { $0["status"]?.stringValue?.lowercased() == hex }?["message"]?.stringValue
                    ?? (value == 0 ? "valid" : "status \(hex)")
            }
            if message == "valid" { return .init("status", .pass, "not revoked or suspended (signed status list, index \(index))") }
            if message.hasPrefix("revoked") { verdict = .revoked; return .init("status", .fail, "revoked (signed status list, index \(index))") }
            if message.hasPrefix("suspended") { verdict = .suspended; return .init("status", .fail, "suspended (signed status list, index \(index))") }
            return .init("status", .warn, "status list says '\(message)' (index \(index))")
        }
    }

    private static func recipientStep(_ credential: JSONObject, email: String) -> VerificationReport.Step {
        let identifiers = credential["credentialSubject"]?["identifier"]?.arrayValue ?? []
        let emails = identifiers.filter { $0["identityType"]?.stringValue == "emailAddress" }
        guard !emails.isEmpty else { return .init("recipient", .fail, "the credential names no email recipient") }
        for identity in emails {
            guard let hash = identity["identityHash"]?.stringValue else { continue }
            if identity["hashed"]?.boolValue == true {
                if RecipientIdentity(salt: identity["salt"]?.stringValue ?? "", identityHash: hash).matches(email: email) {
                    return .init("recipient", .pass, "the email matches the credential's salted hash")
                }
            } else if RecipientIdentity.normalise(hash) == RecipientIdentity.normalise(email) {
                return .init("recipient", .pass, "the email matches the credential's (unhashed) recipient")
            }
        }
        return .init("recipient", .fail, "the email does not match the credential's recipient")
    }

    static let ob3ContextPrefix = "https://purl.imsglobal.org/spec/ob/v3p0/context"

    /// What is wrong with the credential's shape (empty when nothing).
    static func structureProblems(_ credential: JSONObject, claims: JSONObject, header: JSONObject? = nil) -> [String] {
        var problems: [String] = []
        let contexts = credential["@context"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if contexts.first != CredentialContexts.vc2 {
            problems.append(contexts.first == "https://www.w3.org/2018/credentials/v1"
                ? "VC 1.1 context; Open Badges 3.0 needs the VC 2.0 context first" : "the first @context must be \(CredentialContexts.vc2)")
        }
        if !contexts.contains(where: { $0.hasPrefix(ob3ContextPrefix) }) { problems.append("no Open Badges 3.0 @context") }
        let types = credential["type"]?.stringsValue ?? []
        if !types.contains("VerifiableCredential") { problems.append("type lacks VerifiableCredential") }
        if !types.contains("OpenBadgeCredential") && !types.contains("AchievementCredential") {
            problems.append("type lacks OpenBadgeCredential or AchievementCredential (has \(types.joined(separator: ", ")))")
        }
        if credential["id"]?.stringValue == nil { problems.append("no id") }
        let issuerID = credential["issuer"]?.stringValue ?? credential["issuer"]?["id"]?.stringValue
        if issuerID == nil { problems.append("no issuer id") }
        for name in ["validFrom", "validUntil", "awardedDate"] {
            guard let value = credential[name] else {
                if name == "validFrom" { problems.append("no validFrom") }
                continue
            }
            if value.stringValue.flatMap(CredentialDate.parse) == nil { problems.append("\(name) is not a date-time with a time zone") }
        }
        if let subject = credential["credentialSubject"] {
            if subject["type"]?.stringsValue?.contains("AchievementSubject") != true { problems.append("credentialSubject type lacks AchievementSubject") }
            if let achievement = subject["achievement"] {
                for name in ["id", "name", "criteria"] where achievement[name] == nil { problems.append("achievement has no \(name)") }
                if achievement["type"]?.stringsValue?.contains("Achievement") != true { problems.append("achievement type lacks Achievement") }
            } else {
                problems.append("credentialSubject has no achievement")
            }
        } else {
            problems.append("no credentialSubject")
        }
        // JWT claims must say what the credential says, and the times must be whole seconds a
        // verifier can compare (not 1e400, not 99999999999999999999, not a string).
        for name in ["nbf", "exp", "iat"] where claims[name] != nil && claims[name]?.intValue == nil {
            problems.append("JWT \(name) is not a whole number of seconds")
        }
        if let iss = claims["iss"], iss.stringValue != issuerID { problems.append("JWT iss differs from the credential's issuer") }
        if let jti = claims["jti"], jti.stringValue != credential["id"]?.stringValue { problems.append("JWT jti differs from the credential's id") }
        if let sub = claims["sub"], sub.stringValue == nil || sub.stringValue != credential["credentialSubject"]?["id"]?.stringValue {
            problems.append("JWT sub differs from credentialSubject.id")
        }
        if let header, let type = header["typ"] {
            // OB 3.0 §8.2.3: `JWT`; `vc+jwt` (VC-JOSE-COSE) is what earlier releases wrote.
            if type.stringValue != CredentialSigner.mediaType && type.stringValue != CredentialSigner.legacyMediaType {
                problems.append("JWS typ \(type.serialized.prefix(40)) is neither JWT (Open Badges 3.0 §8.2.3) nor vc+jwt")
            }
        }
        if let nbf = claims["nbf"]?.intValue, let from = credential["validFrom"]?.stringValue.flatMap(CredentialDate.parse),
           nbf != Int(from.timeIntervalSince1970.rounded(.down)) { problems.append("JWT nbf differs from validFrom") }
        if let exp = claims["exp"]?.intValue {
            if let until = credential["validUntil"]?.stringValue.flatMap(CredentialDate.parse) {
                if exp != Int(until.timeIntervalSince1970.rounded(.down)) { problems.append("JWT exp differs from validUntil") }
            } else {
                problems.append("JWT exp given but the credential has no validUntil")
            }
        }
        return problems
    }

    /// What a credential made before issue 16 lacks or carries that strict verifiers refuse.
    static func legacyFindings(_ credential: JSONObject, claims: JSONObject, header: JSONObject?) -> [String] {
        var findings: [String] = []
        if claims["sub"] == nil { findings.append("no 'sub' claim (Open Badges 3.0 §8.2.4.1 requires it)") }
        if header?["typ"]?.stringValue == CredentialSigner.legacyMediaType { findings.append("typ is vc+jwt where Open Badges 3.0 §8.2.3 says JWT") }
        if credential["renews"] != nil { findings.append("a 'renews' member no listed context defines") }
        let contexts = credential["@context"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let schemaTypes = (credential["credentialSchema"]?.arrayValue ?? []).compactMap { $0["type"]?.stringValue }
        if schemaTypes.contains(CredentialContexts.ob3SchemaType) && !contexts.contains(CredentialContexts.ob3Extensions) {
            findings.append("\(CredentialContexts.ob3SchemaType) without the context that defines it (\(CredentialContexts.ob3Extensions))")
        }
        return findings
    }
}
