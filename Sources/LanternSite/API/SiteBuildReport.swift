import LanternDiagnostics

/// What a build did: how many pages, which files changed, and link problems found.
public struct SiteBuildReport: Sendable {
    /// HTML pages in the site.
    public var pages: Int
    /// Every file in the site.
    public var files: Int
    /// Files whose bytes are new or changed.
    public var written: Int
    /// Files kept from the previous build untouched.
    public var unchanged: Int
    /// Files of the previous build that are gone.
    public var removed: Int
    /// Broken internal links and anchors (only with `checkLinks`); the site is not published when there are any.
    public var linkProblems: [Diagnostic]
    /// Pages kept from the previous build without rendering (their inputs were unchanged).
    public var reusedPages: Int = 0

    /// Pages rendered by this build.
    public var renderedPages: Int { pages - reusedPages }
}
