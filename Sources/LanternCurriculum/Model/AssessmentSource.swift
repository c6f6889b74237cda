/// An assessment file as the workspace loader sees it: identity and front matter parsed,
/// body left for the assessment layer (which owns quiz and checklist syntax).
public struct AssessmentSource: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case quiz, checklist }

    public var id: String
    public var kind: Kind?
    /// The module the assessment belongs to, as written (nil for a program-level assessment).
    public var moduleID: String?
    /// `scope: program`: the assessment belongs to the program (a final exam), not a module.
    public var isProgramLevel: Bool = false
    /// For a program-level assessment: the modules that must be done before it is offered
    /// (`after:`); nil means every module of the program.
    public var after: [String]?
    public var relativePath: String
    public var displayPath: String
    /// The whole front matter, for the assessment layer to read its own keys from.
    public var frontMatter: YAMLNode
    /// The Markdown after the front matter.
    public var body: String
    /// Lines before the body, to add to positions inside it.
    public var bodyLineOffset: Int
    /// SHA-256 (lower-case hex) of the file's bytes, taken when the loader read them: the hash
    /// recorded with every attempt and observation made on this parse (empty when the source
    /// was not read from a file).
    public var contentHash: String = ""
}
