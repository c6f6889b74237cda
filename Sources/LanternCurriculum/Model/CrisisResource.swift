/// One crisis line or emergency service, kept as data with the date it was last checked.
public struct CrisisResource: Sendable, Hashable {
    /// ISO 3166 country code, upper case (`US`, `GB`, `AU`).
    public var country: String
    public var service: String
    /// How to reach it, as a person would say it ("Call or text 988").
    public var contact: String
    public var channels: [String]
    public var hours: String?
    public var url: String?
    /// Where the facts come from.
    public var source: String
    /// `YYYY-MM-DD` the entry was last checked.
    public var verified: String

    public static let fileName = "crisis-resources.yml"
}
