import Foundation
import GRDB
import LanternAssessment
import LanternRecords

// Records benchmark (not a test): loads ATTEMPTS quiz attempts for TRAINEES trainees into a
// fresh database, then prints p50/p99 of a durable answer save, a transcript query and a
// cohort report, and the bytes each attempt costs on disk.
//
//   swift run -c release lantern-bench-records [--attempts 1000000] [--trainees 10000] [--db PATH]

/// Prints a line at once (stdout is block-buffered when redirected, and the load takes minutes).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = CommandLine.arguments.firstIndex(of: name), index + 1 < CommandLine.arguments.count,
          let value = Int(CommandLine.arguments[index + 1]) else { return fallback }
    return value
}

let attemptCount = option("--attempts", 1_000_000)
let traineeCount = option("--trainees", 10_000)
let cohortSize = 500
let quizIDs = ["foundations-quiz", "communication-quiz", "lived-experience-quiz", "ethics-quiz", "mental-health-quiz",
               "crisis-quiz", "trauma-informed-quiz", "recovery-planning-quiz", "advocacy-quiz", "self-care-quiz"]
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lantern-bench-records-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let path: String = {
    if let index = CommandLine.arguments.firstIndex(of: "--db"), index + 1 < CommandLine.arguments.count {
        return CommandLine.arguments[index + 1]
    }
    return folder.appendingPathComponent("records.sqlite").path
}()
defer { try? FileManager.default.removeItem(at: folder) }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func percentiles(_ samples: [Double]) -> (p50: Double, p99: Double) {
    let sorted = samples.sorted()
    func at(_ fraction: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))] }
    return (at(0.50), at(0.99))
}

func milliseconds(_ value: Double) -> String { String(format: "%.2f ms", value * 1000) }

let store = try RecordsStore(path: path, actor: "bench")
// With --db naming a database that already holds the load, measure only.
let alreadyLoaded = try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM quiz_attempt") ?? 0 } >= attemptCount
say("records benchmark: \(attemptCount) attempts, \(traineeCount) trainees, database \(path)")
say("sqlite \(try store.pool.read { try String.fetchOne($0, sql: "SELECT sqlite_version()") } ?? "?"), synchronous=FULL, WAL")

// Load: trainees in cohorts of 500, then attempts in batches of 10,000 per transaction.
let traineeIDs: [String] = (0..<traineeCount).map { "t-\(String(format: "%06d", $0))" }
let loadTrainees = alreadyLoaded ? 0 : try seconds {
    let rows = "name,email,id\n" + traineeIDs.enumerated().map { "Trainee \($0.offset),t\($0.offset)@example.org,\($0.element)" }.joined(separator: "\n")
    let report = try store.importTrainees(csv: rows, skipInvalid: false)
    precondition(report.problems.isEmpty && report.imported.count == traineeCount)
    for (index, id) in traineeIDs.enumerated() {
        try store.enroll(trainee: id, cohort: "cohort-\(index / cohortSize)", program: "peer-support-worker")
    }
}
if alreadyLoaded {
    say("using the \(attemptCount) attempts already in \(path)")
} else {
    say("loaded \(traineeCount) trainees and enrolments in \(String(format: "%.1f", loadTrainees)) s")
}

/// The engine's values every loaded attempt is varied from.
let resultTemplate = try AssessmentJSON.decode(AttemptResult.self, from: """
    {"quizID":"q","attemptNumber":1,"seed":1,"questions":[],"earned":"0","possible":10,"total":"0","passMark":"4/5",
     "passed":false,"failedCritical":[],"reasons":[],"overTime":false,"needsMarking":[]}
    """)

@MainActor func makeAttempt(_ number: Int) -> QuizAttempt {
    let trainee = traineeIDs[number % traineeIDs.count]
    let quiz = quizIDs[(number / traineeIDs.count) % quizIDs.count]
    let questions = (0..<10).map { "q\($0 + 1)" }
    let score = Double(questions.indices.filter { ($0 + number) % 3 != 0 }.count) / 10
    let minute = number % 50
    let started = Timestamp.date("2026-10-01T09:\(String(format: "%02d", minute)):00.000Z")!
    let attempt = Attempt(quizID: quiz, number: 1, seed: UInt64(number) &* 2654435761, startedAt: started, deadline: nil,
                          questions: questions.enumerated().map { PresentedQuestion(questionID: $0.element, contentHash: "h\($0.offset)", displayOrder: [0, 1, 2, 3]) },
                          responses: Dictionary(uniqueKeysWithValues: questions.enumerated().map { ($0.element, Response.choices([($0.offset + number) % 4])) }),
                          submittedAt: started.addingTimeInterval(3600))
    var result = resultTemplate
    result.quizID = quiz
    result.passed = score >= 0.8
    var record = QuizAttempt(id: "qa-\(number)", traineeID: trainee,
                             quizHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", attempt: attempt, result: result)
    record.score = score
    return record
}

let batch = 10_000
let loadAttempts = alreadyLoaded ? 0 : try seconds {
    var start = 0
    while start < attemptCount {
        let end = min(attemptCount, start + batch)
        try store.recordAttempts((start..<end).map(makeAttempt))
        start = end
    }
}
if !alreadyLoaded { say("loaded \(attemptCount) attempts in \(String(format: "%.1f", loadAttempts)) s (\(Int(Double(attemptCount) / loadAttempts)) attempts/s, batches of \(batch))") }
_ = try store.pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }

// Durable answer saves: one transaction and one fsync each, with its audit row, into attempts
// opened first (not timed).
var saves: [Double] = []
var openAttempts: [String: String] = [:]
for index in 0..<2_000 {
    let trainee = traineeIDs[(index * 7919) % traineeIDs.count]
    if openAttempts[trainee] == nil {
        if let open = try store.openAttempt(trainee: trainee, quiz: "ethics-quiz") {
            openAttempts[trainee] = open.id
        } else {
            let number = try store.attemptCount(trainee: trainee, quiz: "ethics-quiz").count + 1
            let attempt = Attempt(quizID: "ethics-quiz", number: number, seed: UInt64(index), startedAt: Date(), deadline: nil, questions: [])
            openAttempts[trainee] = try store.startAttempt(attempt, trainee: trainee, quizHash: "h")
        }
    }
    let attemptID = openAttempts[trainee]!
    saves.append(try seconds {
        try store.saveAnswer(attemptID: attemptID, trainee: trainee, quizID: "ethics-quiz",
                             questionID: "q\(index % 10 + 1)", responseJSON: "{\"choices\":[\"o\(index % 4)\"]}")
    })
}
let save = percentiles(saves)
say("answer save (durable):   p50 \(milliseconds(save.p50))   p99 \(milliseconds(save.p99))   (\(saves.count) saves; aim p99 <= 5 ms)")

var transcripts: [Double] = []
for index in 0..<2_000 {
    let trainee = traineeIDs[(index * 104_729) % traineeIDs.count]
    transcripts.append(try seconds { _ = try store.transcript(trainee) })
}
let transcript = percentiles(transcripts)
say("transcript query:        p50 \(milliseconds(transcript.p50))   p99 \(milliseconds(transcript.p99))   (\(transcripts.count) queries; aim p99 <= 5 ms)")

var cohorts: [Double] = []
let cohortCount = max(1, traineeCount / cohortSize)
for index in 0..<50 {
    cohorts.append(try seconds { _ = try store.cohortReport(cohort: "cohort-\(index % cohortCount)") })
}
let cohort = percentiles(cohorts)
say("cohort report (\(cohortSize)):     p50 \(milliseconds(cohort.p50))   p99 \(milliseconds(cohort.p99))   (\(cohorts.count) reports; aim <= 1 s)")

var everyCohort: [Double] = []
for _ in 0..<5 {
    everyCohort.append(try seconds { _ = try store.cohortReport(cohort: nil) })
}
let all = percentiles(everyCohort)
say("report of all \(traineeCount):     p50 \(milliseconds(all.p50))   max \(milliseconds(everyCohort.max() ?? 0))   (\(everyCohort.count) reports)")

_ = try store.pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
let fileSize = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
say("database size: \(fileSize / 1_048_576) MiB; \(fileSize / max(1, attemptCount)) bytes per attempt (file size / attempts: attempt row, indexes, audit row, summaries, trainees)")
let tableBytes: [(String, Int)] = (try? store.pool.read { db in
    try Row.fetchAll(db, sql: "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 6").map { ($0[0], $0[1]) }
}) ?? []
for (name, bytes) in tableBytes {
    say("  \(name): \(bytes / max(1, attemptCount)) bytes per attempt")
}
