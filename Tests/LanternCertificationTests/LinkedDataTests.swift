import Foundation
import LanternCertification
import LanternTestSupport
import Testing

/// Lantern's credential, issuer profile and status list against the JSON-LD contexts they list
/// (the 1EdTech validator's copies in ../shared/standards/ob3/contexts): no term a processor
/// would drop. Two checks: every member name and type against the term definitions of the
/// listed contexts (Swift, cannot be skipped while ../shared is present), and real expansion
/// by a third-party processor (pyld, `scripts/jsonld-check.py`; skipped with a message when
/// pyld is not installed).
@Suite struct LinkedDataTests {
    let fixture = CertificateFixture()

    static let contextFiles = [
        CredentialContexts.vc2: "credentials-v2.jsonld",
        CredentialContexts.ob3: "ob-v3p0-3.0.3.json",
        CredentialContexts.ob3Extensions: "ob-v3p0-extensions.json",
    ]

    /// The documents Lantern publishes, as JSON.
    func documents() throws -> [String: JSONValue] {
        let credential = fixture.credential().json
        let list = try JSONParser.parse(try CompactJWS(parsing: try fixture.statusList([3: .revoked])).payload.serialized)
        var listObject = list.objectValue!
        for claim in CredentialSigner.registeredClaims { listObject[claim] = nil }
        return ["credential.json": credential, "issuer.json": try JSONParser.parse(fixture.issuerJSON), "status-list.json": .object(listObject)]
    }

    /// Every term any of `contexts` defines (at the top or in a scoped context), with keywords.
    static func definedTerms(_ contexts: [JSONValue], folder: URL) throws -> Set<String> {
        var terms: Set<String> = []
        func collect(_ context: JSONValue) {
            guard let object = context.objectValue else { return }
            for member in object {
                terms.insert(member.key)
                if let nested = member.value["@context"] { collect(nested) }
            }
        }
        for context in contexts {
            if let url = context.stringValue {
                let name = try #require(contextFiles[url], "context \(url) is not available offline")
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                collect(try JSONParser.parse(text)["@context"] ?? .null)
            } else {
                collect(context)
            }
        }
        return terms
    }

    /// Member names and `type` values no listed context defines.
    static func undefined(_ document: JSONValue, terms: Set<String>) -> Set<String> {
        var found: Set<String> = []
        func walk(_ node: JSONValue, parentKey: String?) {
            switch node {
            case .object(let object):
                for member in object {
                    if !member.key.hasPrefix("@") && !terms.contains(member.key) { found.insert(member.key) }
                    if member.key == "@context" { continue }
                    if member.key == "type" {
                        for type in member.value.stringsValue ?? [] where !terms.contains(type) && !type.contains(":") { found.insert(type + " (as a type)") }
                    }
                    walk(member.value, parentKey: member.key)
                }
            case .array(let values):
                for value in values { walk(value, parentKey: parentKey) }
            default: break
            }
        }
        walk(document, parentKey: nil)
        return found
    }

    @Test func everyTermIsDefinedByTheListedContexts() throws {
        guard let ob3 = CertificateFixture.ob3Folder else {
            print("skipped: ../shared/standards/ob3 is not present; JSON-LD terms were not checked")
            return
        }
        let folder = ob3.appendingPathComponent("contexts")
        for (name, document) in try documents() {
            let terms = try Self.definedTerms(document["@context"]?.arrayValue ?? [], folder: folder)
            #expect(Self.undefined(document, terms: terms).isEmpty, "\(name): \(Self.undefined(document, terms: terms).sorted())")
        }
        // The check finds what the previous release published: keys in issuer.json.
        let legacy = try JSONParser.parse(try String(contentsOf: LegacyCredentialTests.folder.appendingPathComponent("issuer.json"), encoding: .utf8))
        let found = Self.undefined(legacy, terms: try Self.definedTerms(legacy["@context"]?.arrayValue ?? [], folder: folder))
        #expect(found.isSuperset(of: ["publicKeyJwk", "controller", "jwks"]), "\(found.sorted())")
    }

    @Test func schemaValidatorTypeOnlyWithTheContextThatDefinesIt() throws {
        let credential = fixture.credential().json
        #expect(credential["credentialSchema"]?.arrayValue?.first?["type"]?.stringValue == "1EdTechJsonSchemaValidator2019")
        #expect(credential["@context"]?.arrayValue?.contains(.string(CredentialContexts.ob3Extensions)) == true)
    }

    @Test func pyldExpandsEveryDocumentWithNoUndefinedTerm() throws {
        guard let ob3 = CertificateFixture.ob3Folder else {
            print("skipped: ../shared/standards/ob3 is not present")
            return
        }
        let folder = try TemporaryFolder()
        var paths: [String] = []
        for (name, document) in try documents() {
            paths.append(try folder.write(name, document.prettySerialized).path)
        }
        let legacy = LegacyCredentialTests.folder.appendingPathComponent("issuer.json").path
        let script = RepositoryPaths.packageRoot(from: #filePath).appendingPathComponent("scripts/jsonld-check.py").path
        func run(_ files: [String]) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script, ob3.appendingPathComponent("contexts").path] + files
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, output)
        }
        let (status, output) = try run(paths)
        if status == 3 || status == 127 {
            print("skipped: \(output.trimmingCharacters(in: .whitespacesAndNewlines))")
            return
        }
        #expect(status == 0, "\(output)")
        #expect(output.components(separatedBy: "every term defined").count == 4, "\(output)")
        let (legacyStatus, legacyOutput) = try run([legacy])
        #expect(legacyStatus == 1 && legacyOutput.contains("verificationMethod"), "the check can fail: \(legacyOutput)")
    }
}
