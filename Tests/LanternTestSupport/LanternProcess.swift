import Foundation

/// Runs the built `lantern` executable, as a user would, and captures what it printed.
public struct LanternProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The `lantern` binary beside the test bundle (`.build/debug/lantern`), or `LANTERN_BIN`.
    public static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["LANTERN_BIN"] {
            return URL(fileURLWithPath: path)
        }
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("lantern")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        // swift test builds the product into the same folder as the test bundle.
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lantern")
    }

    /// Runs `lantern ARGUMENTS` in `directory` with `NO_COLOR=1` plus `environment`.
    @discardableResult
    public static func run(_ arguments: [String], in directory: URL? = nil,
                           environment: [String: String] = [:], input: String? = nil) throws -> Result {
        try runTool(executable.path, arguments, in: directory, environment: environment, input: input)
    }

    /// Runs another program (`/usr/bin/diff`, `/usr/bin/find`) the same way.
    @discardableResult
    public static func runTool(_ path: String, _ arguments: [String], in directory: URL? = nil,
                               environment: [String: String] = [:], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "LANTERN_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env

        let stdoutPipe = Pipe()
        let stderrPipe = Pipe()
        let stdinPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.standardInput = stdinPipe
        try process.run()
        if let input { stdinPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try? stdinPipe.fileHandleForWriting.close()

        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = stderrPipe.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = stdoutPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
