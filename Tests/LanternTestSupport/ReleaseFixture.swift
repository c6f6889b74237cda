import Foundation

/// The third release's records database (`Tests/Fixtures/release-ac5aaf9/records.sql`, see its
/// MANIFEST.txt), kept as SQL text rather than a database file and rebuilt for each test.
public enum ReleaseFixture {
    public static let folder = RepositoryPaths.packageRoot(from: #filePath).appendingPathComponent("Tests/Fixtures/release-ac5aaf9")

    /// A new database made from the fixture's SQL in a temporary folder (the fixture itself is
    /// never changed). Built with Python's sqlite3 module, as the demo scripts already need Python.
    public static func database() throws -> (folder: TemporaryFolder, path: String) {
        let temporary = try TemporaryFolder()
        let path = temporary.url.appendingPathComponent("records.sqlite").path
        let script = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(open(sys.argv[2]).read()); c.commit(); c.close()"
        let made = try LanternProcess.runTool("/usr/bin/env", ["python3", "-c", script, path, folder.appendingPathComponent("records.sql").path])
        guard made.status == 0 else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "cannot rebuild the release fixture: \(made.stderr)"])
        }
        return (temporary, path)
    }
}
