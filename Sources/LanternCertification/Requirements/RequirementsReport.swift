/// Which certificate requirements a trainee meets, and exactly what is missing.
public struct RequirementsReport: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case quiz, checklist, practicum, continuingEducation = "ce", records }
        public var kind: Kind
        /// The assessment id, or `practicum` / `ce` / `ce-<category>`.
        public var id: String
        public var title: String
        public var met: Bool
        /// What was achieved, or what is missing, in words.
        public var detail: String
    }

    public var items: [Item]

    public var isMet: Bool { items.allSatisfy(\.met) }
    public var missing: [Item] { items.filter { !$0.met } }

    /// "what met the requirements", recorded with an issued credential.
    public var evidenceSummary: JSONValue {
        .array(items.map { ["kind": .string($0.kind.rawValue), "id": .string($0.id), "met": .bool($0.met), "detail": .string($0.detail)] })
    }

    public var text: String {
        items.map { "  \($0.met ? "met    " : "missing")  \($0.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))  \($0.id) (\($0.title)): \($0.detail)" }
            .joined(separator: "\n") + "\n"
    }
}
