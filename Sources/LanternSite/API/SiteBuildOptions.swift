import Foundation

/// How `SiteBuilder` builds: where to, and which extra checks to run.
public struct SiteBuildOptions: Sendable {
    /// The folder to publish into; replaced as a whole when the build succeeds.
    public var output: URL
    /// Validate every internal link and anchor in the output before publishing it.
    public var checkLinks: Bool
    /// The certificates to publish, or nil for a curriculum-only site.
    public var verification: VerificationSite?
    /// The previous build's cache and what loading the workspace with it recorded: pages whose
    /// inputs are unchanged are kept, and the next cache is written with the site. Nil renders
    /// every page and writes no cache.
    public var cache: SiteBuildCache?
    /// Add the trainers' section (`trainers/`: the facilitator guides). Only for a trainers'
    /// build into its own folder, never the public site.
    public var trainers = false

    public init(output: URL, checkLinks: Bool = false, verification: VerificationSite? = nil, cache: SiteBuildCache? = nil,
                trainers: Bool = false) {
        self.trainers = trainers
        self.output = output
        self.checkLinks = checkLinks
        self.verification = verification
        self.cache = cache
    }
}
