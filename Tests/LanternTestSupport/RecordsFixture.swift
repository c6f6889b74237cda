import Foundation

/// A temporary records database with one supervisor (`sup`, also an assessor) and one
/// trainee, created through the built `lantern`, for end-to-end records tests.
public struct RecordsFixture: Sendable {
    public let folder: TemporaryFolder
    public let database: String
    public let traineeID: String

    public init() throws {
        folder = try TemporaryFolder(prefix: "lantern-records")
        database = folder.url.appendingPathComponent("records.sqlite").path
        let assessor = try LanternProcess.run(["assessor", "add", "sup", "--name", "Sam Supervisor", "--role", "supervisor",
                                               "--role", "assessor", "--db", database])
        guard assessor.status == 0 else { throw FixtureError(message: "assessor add failed: \(assessor.stderr)") }
        let trainee = try LanternProcess.run(["trainee", "add", "--name", "Pat Example", "--email", "pat@example.org", "--db", database])
        guard trainee.status == 0 else { throw FixtureError(message: "trainee add failed: \(trainee.stderr)") }
        traineeID = trainee.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `lantern ARGUMENTS --db DATABASE`.
    @discardableResult
    public func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> LanternProcess.Result {
        try LanternProcess.run(arguments + ["--db", database], in: folder.url, environment: environment, input: input)
    }

    /// Starts `lantern ARGUMENTS --db DATABASE` without waiting, output discarded.
    public func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = LanternProcess.executable
        process.arguments = arguments + ["--db", database]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "LANTERN_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    public struct FixtureError: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
