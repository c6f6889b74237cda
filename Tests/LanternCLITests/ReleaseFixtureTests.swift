import Foundation
import LanternTestSupport
import Testing

/// A records database made by the previous release (ac5aaf9) opens and reads with this one,
/// through the built `lantern`, as a user upgrading would find it.
@Suite("the previous release's database")
struct ReleaseFixtureTests {
    /// A copy of the fixture database (the fixture itself is never changed).
    static func copy() throws -> (TemporaryFolder, String) {
        try ReleaseFixture.database()
    }

    @Test("stats, progress, cert status and db check read it")
    func opensAndReads() throws {
        let (folder, db) = try Self.copy()
        _ = folder
        let root = RepositoryPaths.packageRoot(from: #filePath)
        let stats = try LanternProcess.run(["stats", "foundations-quiz", "--db", db], in: root)
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(!stats.stderr.contains("could not be read"), "\(stats.stderr)")
        #expect(stats.stdout.contains("over 3 attempts"), "\(stats.stdout)")
        let progress = try LanternProcess.run(["progress", "fixture-sam", "--db", db], in: root)
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(progress.stdout.contains("foundations-quiz"))
        let status = try LanternProcess.run(["cert", "status", "fixture-sam", "--db", db], in: root)
        #expect(!status.stderr.contains("error"), "\(status.stderr)")
        #expect(status.stdout.contains("foundations-quiz"), "\(status.stdout)")
        let check = try LanternProcess.run(["db", "check", "--db", db], in: root)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
