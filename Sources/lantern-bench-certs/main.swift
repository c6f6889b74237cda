// Benchmark (not a test): issue 10,000 credentials and verify 10,000, and print the rates.
// Run with: swift run -c release lantern-bench-certs [count]
import Dispatch
import Foundation
import LanternCertification

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10_000
// --write DIR: also write the tokens (one per line) and the public key (JWK), so a peer
// (scripts/bench/verify_es256.py, Python's cryptography) can verify the same JWTs.
let writeFolder: String? = CommandLine.arguments.firstIndex(of: "--write").flatMap {
    $0 + 1 < CommandLine.arguments.count ? CommandLine.arguments[$0 + 1] : nil
}
let baseURL = "https://bench.example.org/"
let identity = IssuerIdentity(id: baseURL + "issuer.json", name: "Benchmark Training Org", url: "https://bench.example.org/",
                              email: nil, baseURL: baseURL)
let key = SigningKey.generate()
let achievement = AchievementDefinition(
    id: baseURL + "achievements/bench", name: "Benchmark Certificate", description: "A benchmark program.",
    criteria: "Passed every module quiz, answering every safety-critical question correctly.",
    alignments: (1...10).map { .init(code: "module-\($0)", name: "Module \($0)", description: "Outcome text for module \($0).",
                                     url: baseURL + "modules/module-\($0)/", framework: "Benchmark framework") })
let now = Date()

func seconds(_ start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

// Issue: build the credential (fresh id, salt, random status index), sign it.
var taken = Set<Int>()
var tokens: [String] = []
tokens.reserveCapacity(count)
let issueStart = DispatchTime.now()
for number in 0..<count {
    let index = StatusEntry.randomIndex(avoiding: taken)!
    taken.insert(index)
    let credential = AchievementCredential(
        id: AchievementCredential.newID(now: now), issuer: identity, achievement: achievement,
        recipient: RecipientIdentity(email: "trainee\(number)@example.org", salt: RecipientIdentity.randomSalt()),
        validFrom: now, validUntil: CredentialDate.adding(2, .years, to: now),
        status: StatusEntry(listURL: identity.statusListURL, index: index))
    tokens.append(try credential.signed(with: key))
}
let issueSeconds = seconds(issueStart)

// The status list: a tenth revoked or suspended.
var statuses: [Int: CredentialStatus] = [:]
for (position, index) in taken.enumerated() where position % 10 == 0 { statuses[index] = position % 20 == 0 ? .revoked : .suspended }
let publication = try IssuerPublication(identity: identity, keys: [PublishedKey(key.publicJWK)], signingKey: key, statuses: statuses, now: now)
let verifier = CredentialVerifier(issuerProfile: publication.issuerJSON, keys: publication.jwksJSON, statusList: publication.statusListJWT, now: now)

// Verify, one thread.
let verifyStart = DispatchTime.now()
var tally: [VerificationReport.Verdict: Int] = [:]
for token in tokens { tally[verifier.verify(token).verdict, default: 0] += 1 }
let verifySeconds = seconds(verifyStart)

// Verify, every core.
let cores = ProcessInfo.processInfo.activeProcessorCount
let parallelStart = DispatchTime.now()
let sendableTokens = tokens
DispatchQueue.concurrentPerform(iterations: cores) { worker in
    var index = worker
    while index < sendableTokens.count {
        _ = verifier.verify(sendableTokens[index])
        index += cores
    }
}
let parallelSeconds = seconds(parallelStart)

func rate(_ seconds: Double) -> String { String(format: "%8.0f/s", Double(count) / seconds) }
print("lantern-bench-certs: \(count) credentials, ES256, \(tokens[0].utf8.count)-byte VC-JWT each")
print("issued                 \(rate(issueSeconds))  (\(String(format: "%.2f", issueSeconds)) s)")
print("verified, 1 thread     \(rate(verifySeconds))  (\(String(format: "%.2f", verifySeconds)) s)")
print("verified, \(cores) threads    \(rate(parallelSeconds))  (\(String(format: "%.2f", parallelSeconds)) s)")
print("verdicts: " + tally.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))

if let writeFolder {
    let jwk = #"{"kty":"EC","crv":"P-256","x":"\#(key.publicJWK.x)","y":"\#(key.publicJWK.y)"}"#
    _ = FileManager.default.createFile(atPath: writeFolder + "/tokens.txt", contents: Data((tokens.joined(separator: "\n") + "\n").utf8))
    _ = FileManager.default.createFile(atPath: writeFolder + "/public.jwk", contents: Data((jwk + "\n").utf8))
}
