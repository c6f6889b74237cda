import Foundation
import LanternCertification
import LanternCurriculum
import LanternDiagnostics
import LanternRecords
import LanternSite

/// Building the static site: the course, search, crisis lines and the certificate verification
/// pages, written whole into the output folder (see `SiteBuilder`).
///
/// (The build's cache location, signing during builds and the publication path are issue 14
/// parts 3, 4, 6 and 7, another session's work: this use case wraps what LanternSite and
/// LanternCertification offer today.)
public struct BuildSite: Sendable {
    /// Where the verification pages come from.
    public enum Verification: Sendable {
        /// No certificates: a course site only.
        case none
        /// Given whole (staging, benchmarks).
        case given(VerificationSite)
        /// From the records and the signing keys, when the database exists and a key is active.
        case records(databasePath: String, keys: KeyStore)
    }

    public struct Request: Sendable {
        public var root: URL
        public var displayRoot: String
        public var output: URL
        public var outputDisplay: String
        public var checkLinks = false
        public var allowErrors = false
        public var noCache = false
        public var verification: Verification = .none

        public init(root: URL, displayRoot: String, output: URL, outputDisplay: String) {
            self.root = root
            self.displayRoot = displayRoot
            self.output = output
            self.outputDisplay = outputDisplay
        }
    }

    /// The site was not built (errors in the workspace, or broken links); the problems were
    /// reported to the output, `message` says what to do.
    public struct NotBuilt: Error, Sendable {
        public let message: String
    }

    public let actor: Principal
    let output: any OutputSink

    public init(actor: Principal, output: any OutputSink) {
        self.actor = actor
        self.output = output
    }

    /// What a build did, and the loaded workspace (a one-shot front end may keep it until it
    /// exits rather than spend time freeing it).
    public struct Outcome: Sendable {
        public var report: SiteBuildReport
        public var load: WorkspaceLoadResult
    }

    /// Builds the site and reports a one-line summary; throws `NotBuilt` after reporting the
    /// problems, or a `LanternError`.
    @discardableResult
    public func build(_ request: Request) throws -> Outcome {
        // What the previous build into the same folder knew: unchanged modules are not parsed
        // again. The workspace is loaded once, for the pages and the certificates alike.
        let cache = request.noCache ? BuildCache(state: .unused) : BuildCache.read(SiteBuildState(workspaceRoot: request.root, output: request.output))
        let result = WorkspaceLoader().load(at: request.root, displayRoot: request.displayRoot, cache: cache)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard let workspace = result.workspace, errors.isEmpty || request.allowErrors else {
            errors.forEach(output.report)
            throw NotBuilt(message: "the site was not built: fix the errors above (see 'lantern check'), or pass --allow-errors")
        }
        let verification: VerificationSite?
        switch request.verification {
        case .none: verification = nil
        case .given(let site): verification = site
        case .records(let databasePath, let keys):
            if FileManager.default.fileExists(atPath: databasePath), try keys.entries().contains(where: \.isActive) {
                let records = try RecordsStore(path: databasePath, actor: actor.auditName, mustExist: true)
                verification = try PublishVerificationFiles(workspace: workspace, records: records, keys: keys, actor: actor, output: output)
                    .verificationSite()
            } else {
                verification = nil
            }
        }
        let siteCache = result.cacheRecord.map { SiteBuildCache(previous: cache, record: $0) }
        let report = try SiteBuilder(workspace: workspace)
            .build(SiteBuildOptions(output: request.output, checkLinks: request.checkLinks, verification: verification, cache: siteCache),
                   outputDisplay: request.outputDisplay)
        if !report.linkProblems.isEmpty {
            report.linkProblems.forEach(output.report)
            throw NotBuilt(message: "\(report.linkProblems.count) broken link\(report.linkProblems.count == 1 ? "" : "s"): the site was not published")
        }
        var summary = "built \(report.pages) pages into \(request.outputDisplay): \(report.written) file\(report.written == 1 ? "" : "s") written, \(report.unchanged) unchanged"
        if report.removed > 0 { summary += ", \(report.removed) removed" }
        summary += "; \(report.renderedPages) page\(report.renderedPages == 1 ? "" : "s") rendered, \(report.reusedPages) kept from the last build"
        if let verification {
            summary += "; \(verification.credentials.count) certificate page\(verification.credentials.count == 1 ? "" : "s")"
        }
        if request.checkLinks { summary += "; every internal link and anchor resolves" }
        output.write(summary + "\n")
        return Outcome(report: report, load: result)
    }
}
