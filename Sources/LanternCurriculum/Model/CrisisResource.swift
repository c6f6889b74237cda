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
    /// `YYYY-MM-DD`: the date of the copy of the source the entry rests on (`source_date`).
    public var sourceDate: String
    /// `YYYY-MM-DD` a person last called, texted or opened the service itself (`live_checked`;
    /// an older workspace's `verified` is read as this), or nil when no one has.
    public var liveChecked: String?

    /// The date to show beside the entry: the live check, else the source's date.
    public var verified: String { liveChecked ?? sourceDate }

    public static let fileName = "crisis-resources.yml"
}
