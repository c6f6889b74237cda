import Crypto
import Foundation
import LanternTestSupport
import Testing

/// Faults the records crash tests do not cover: SIGKILL during a bulk import, an observation,
/// an erasure and a backup; and a full disk, through a file-size limit (anywhere) and a tiny
/// tmpfs (when the tests may mount one).
@Suite("faults: SIGKILL during bulk work, full disks")
struct FaultTests {
    static let rows = 2_000

    /// A CSV of `rows` new trainees (no emails or external ids, so it can be imported again).
    static func bigCSV(in folder: TemporaryFolder, rows: Int = rows, tag: String = "") throws -> URL {
        var text = "name,preferred_name\n"
        for row in 0..<rows { text += "Person \(tag)\(row),P\(row)\n" }
        return try folder.write("people\(tag).csv", text)
    }

    static func counts(_ fixture: RecordsFixture) throws -> [String: Int] {
        struct Report: Decodable { var counts: [String: Int] }
        let check = try fixture.run(["db", "check", "--json"])
        #expect(check.status == 0, "db check failed: \(check.stdout) \(check.stderr)")
        return try JSONDecoder().decode(Report.self, from: Data(check.stdout.utf8)).counts
    }

    static func killWhenPaused(_ process: Process, pauseFile: String) {
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: pauseFile), Date() < deadline, process.isRunning {
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    @Test("bulk import killed before commit and at random moments: all rows or none, check passes, a rerun completes")
    func killBulkImport() throws {
        let fixture = try RecordsFixture()
        let csv = try Self.bigCSV(in: fixture.folder)
        let pause = fixture.folder.url.appendingPathComponent("paused").path
        let paused = try fixture.start(["trainee", "import", csv.path], environment: ["LANTERN_TEST_PAUSE_FILE": pause])
        Self.killWhenPaused(paused, pauseFile: pause)
        #expect(FileManager.default.fileExists(atPath: pause), "the import never reached the pause point")
        #expect(try Self.counts(fixture)["trainee"] == 1)

        for round in 0..<10 {
            let process = try fixture.start(["trainee", "import", csv.path])
            Thread.sleep(forTimeInterval: Double(round) * 0.04)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let counts = try Self.counts(fixture)
            let imported = try #require(counts["trainee"]) - 1
            #expect(imported % Self.rows == 0, "round \(round): \(imported) trainees: an import was half-written")
            #expect(counts["audit_log"] == 2 + imported / Self.rows, "an import without its audit row, or the reverse")
        }
        let before = try #require(try Self.counts(fixture)["trainee"])
        let rerun = try fixture.run(["trainee", "import", csv.path])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try Self.counts(fixture)["trainee"] == before + Self.rows)
    }

    @Test("an observation killed at random moments: whole or absent, with its audit row")
    func killObservation() throws {
        let workspace = try SampleWorkspace.create()
        let fixture = try RecordsFixture()
        let arguments = ["checklist", "record", "listening-skills", "--trainee", fixture.traineeID, "--assessor", "sup",
                         "--rating", "confidentiality=competent", "--rating", "open-questions=competent", "-C", workspace.path]
        for round in 0..<12 {
            let process = try fixture.start(arguments)
            Thread.sleep(forTimeInterval: Double(round % 6) * 0.015)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let counts = try Self.counts(fixture)
        #expect(counts["audit_log"] == 2 + (counts["observation"] ?? -1))
        let rerun = try fixture.run(arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try Self.counts(fixture)["observation"] == (counts["observation"] ?? 0) + 1)
    }

    @Test("an erasure killed before commit leaves the trainee whole; the rerun erases")
    func killErasure() throws {
        let fixture = try RecordsFixture()
        let pause = fixture.folder.url.appendingPathComponent("paused").path
        let process = try fixture.start(["trainee", "erase", fixture.traineeID, "--yes"], environment: ["LANTERN_TEST_PAUSE_FILE": pause])
        Self.killWhenPaused(process, pauseFile: pause)
        let shown = try fixture.run(["trainee", "show", fixture.traineeID, "--json"])
        #expect(shown.stdout.contains("Pat Example"), "the erasure was half-applied: \(shown.stdout)")
        _ = try Self.counts(fixture)
        let rerun = try fixture.run(["trainee", "erase", fixture.traineeID, "--yes"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(!(try fixture.run(["trainee", "show", fixture.traineeID, "--json"]).stdout.contains("Pat Example")))
    }

    @Test("a backup killed at random moments never leaves a half-written file under its name")
    func killBackup() throws {
        let fixture = try RecordsFixture()
        _ = try fixture.run(["trainee", "import", try Self.bigCSV(in: fixture.folder).path])
        let target = fixture.folder.url.appendingPathComponent("backup.sqlite")
        for round in 0..<10 {
            let process = try fixture.start(["db", "backup", target.path])
            Thread.sleep(forTimeInterval: Double(round) * 0.01)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if FileManager.default.fileExists(atPath: target.path) {
                let check = try LanternProcess.run(["db", "check", "--db", target.path])
                #expect(check.status == 0, "round \(round): a damaged backup under its final name: \(check.stderr)")
                try FileManager.default.removeItem(at: target)
            }
        }
        let rerun = try fixture.run(["db", "backup", target.path])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try LanternProcess.run(["db", "check", "--db", target.path]).status == 0)
    }

    @Test("a file-size limit (a full disk) in the middle of an import: a clear error, nothing recorded, a rerun completes")
    func fileSizeLimit() throws {
        let fixture = try RecordsFixture()
        let csv = try Self.bigCSV(in: fixture.folder, rows: 20_000)
        // 512-byte blocks in dash and bash alike for -f; the database is far smaller than this,
        // the import far larger. SIGXFSZ is ignored so the write fails with EFBIG instead of killing.
        let command = "trap '' XFSZ; ulimit -f 1024; exec \"$0\" \"$@\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command, LanternProcess.executable.path, "trainee", "import", csv.path, "--db", fixture.database]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(process.terminationStatus): \(stderr)")
        #expect(stderr.contains("full") || stderr.contains("too large"), "not a clear error: \(stderr)")
        #expect(!stderr.contains("Person "), "personal data in the error: \(stderr)")
        #expect(try Self.counts(fixture)["trainee"] == 1)
        let rerun = try fixture.run(["trainee", "import", csv.path])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try Self.counts(fixture)["trainee"] == 20_001)
    }

    @Test("a full tmpfs: import and backup fail clearly, nothing half-written, the records still check",
          .enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
    func fullTmpfs() throws {
        let mountPoint = try TemporaryFolder(prefix: "lantern-tmpfs")
        guard Self.shell("mount -t tmpfs -o size=1m tmpfs '\(mountPoint.path)'") == 0 else {
            print("skipping: cannot mount a tmpfs here")
            return
        }
        defer { _ = Self.shell("umount '\(mountPoint.path)'") }
        let database = mountPoint.url.appendingPathComponent("records.sqlite").path
        #expect(try LanternProcess.run(["trainee", "add", "--name", "Pat Example", "--db", database]).status == 0)
        // Fill what is left of the file system.
        _ = Self.shell("dd if=/dev/zero of='\(mountPoint.path)/filler' bs=4k 2>/dev/null")
        let inputs = try TemporaryFolder()
        let csv = try Self.bigCSV(in: inputs, rows: 5_000)
        let imported = try LanternProcess.run(["trainee", "import", csv.path, "--db", database])
        #expect(imported.status == 1, "\(imported.stderr)")
        #expect(imported.stderr.contains("full"), "not a clear error: \(imported.stderr)")
        let backup = try LanternProcess.run(["db", "backup", mountPoint.url.appendingPathComponent("backup.sqlite").path, "--db", database])
        #expect(backup.status == 1, "\(backup.stderr)")
        #expect(!FileManager.default.fileExists(atPath: mountPoint.url.appendingPathComponent("backup.sqlite").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: mountPoint.path).filter { $0.contains("backup") }
        #expect(leftovers.isEmpty, "temporary backup files left behind: \(leftovers)")
        try FileManager.default.removeItem(atPath: mountPoint.url.appendingPathComponent("filler").path)
        let check = try LanternProcess.run(["db", "check", "--json", "--db", database])
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.stdout.contains("\"trainee\" : 1"), "\(check.stdout)")
    }

    static func shell(_ command: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// `lantern build` killed at random moments never leaves a half-built site under the output's name.
@Suite("faults: SIGKILL during a site build", .serialized)
struct SiteBuildFaultTests {
    /// The site's files (the build keeps nothing else in it).
    func snapshot(_ folder: URL) -> [String: Data] {
        Corpus.snapshot(folder)
    }

    static let repository = Corpus.folder.deletingLastPathComponent().deletingLastPathComponent()
    /// Where builds of the repository keep their state (`.lantern/build/<digest>/`).
    static let stateRoot = repository.appendingPathComponent(".lantern/build")

    /// The state folder of builds into `site` (`.lantern/build/<first 12 bytes of the SHA-256 of
    /// the output path, in hex>/`), removed at the test's end. Only this test's own: other tests
    /// build the repository at the same time, and removing their state makes their outputs
    /// look as if Lantern had not made them.
    func state(of site: URL) -> URL {
        let digest = SHA256.hash(data: Data(site.standardizedFileURL.path.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
        return Self.stateRoot.appendingPathComponent(digest)
    }

    /// A first build of the repository's workspace into `site` in a new temporary folder.
    func firstBuild(prefix: String) throws -> (output: TemporaryFolder, site: URL, arguments: [String]) {
        let repository = Self.repository
        let output = try TemporaryFolder(prefix: prefix)
        let site = output.url.appendingPathComponent("site")
        let arguments = ["build", "--output", site.path, "-C", repository.path]
        let first = try LanternProcess.run(arguments)
        try #require(first.status == 0, "\(first.stderr)")
        return (output, site, arguments)
    }

    @Test("the output is absent or complete after every kill; a rerun completes and cleans up")
    func killSiteBuild() throws {
        let (output, site, arguments) = try firstBuild(prefix: "lantern-site-kill")
        defer { try? FileManager.default.removeItem(at: state(of: site)) }
        let complete = snapshot(site)
        #expect(complete.count > 10)

        for round in 0..<12 {
            let process = Process()
            process.executableURL = LanternProcess.executable
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double(round) * 0.015)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if FileManager.default.fileExists(atPath: site.path) {
                #expect(snapshot(site) == complete, "round \(round): a partial site under the output's name")
            } else {
                // With renameat2(RENAME_EXCHANGE) the old and new sites swap in one step: never no site.
                #expect(!Self.canExchange(in: output), "round \(round): no site under the output's name although the folders can be swapped atomically")
                // Killed between moving the old site aside and the new one in: a complete copy
                // waits in the build's state, and the next build puts it back.
                let copies = [state(of: site)].flatMap { state in
                    ((try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? []).map { state.appendingPathComponent($0) }
                }
                let whole = copies.contains { snapshot($0) == complete }
                #expect(whole, "round \(round): no site and no complete copy in the build state: \(copies)")
            }
        }
        let rerun = try LanternProcess.run(arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(snapshot(site) == complete)
        // Nothing beside the site: the previous one is kept in the build state.
        let beside = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(beside == ["site"], "leftovers of killed builds: \(beside)")
    }

    @Test("builds into the same output at once: every one succeeds and the site is whole")
    func concurrentBuilds() throws {
        let (output, site, arguments) = try firstBuild(prefix: "lantern-site-race")
        defer { try? FileManager.default.removeItem(at: state(of: site)) }
        let complete = snapshot(site)
        for round in 0..<3 {
            let processes = try (0..<3).map { _ -> Process in
                let process = Process()
                process.executableURL = LanternProcess.executable
                process.arguments = arguments
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                return process
            }
            for process in processes { process.waitUntilExit() }
            #expect(processes.map(\.terminationStatus) == [0, 0, 0], "round \(round)")
            #expect(snapshot(site) == complete, "round \(round): the site is not whole")
            // Nothing beside the site.
            let beside = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
            #expect(beside == ["site"], "round \(round): leftovers: \(beside)")
        }
    }

    /// Whether two folders in `folder` can be swapped with renameat2(RENAME_EXCHANGE) here.
    static func canExchange(in folder: TemporaryFolder) -> Bool {
        #if os(Linux)
        typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let first = folder.url.appendingPathComponent(".probe-a").path, second = folder.url.appendingPathComponent(".probe-b").path
        mkdir(first, 0o700)
        mkdir(second, 0o700)
        defer { rmdir(first); rmdir(second) }
        return unsafeBitCast(symbol, to: Renameat2.self)(AT_FDCWD, first, AT_FDCWD, second, 1 << 1) == 0
        #else
        return false
        #endif
    }
}
