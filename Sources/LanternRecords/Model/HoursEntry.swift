/// Practicum hours (signed off by a supervisor) or continuing-education hours (with a
/// category such as `ethics`).
public struct HoursEntry: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        case practicum(supervisorID: String, signedOffAt: String?)
        case continuingEducation(category: String)
    }

    public var id: String
    public var traineeID: String
    /// `YYYY-MM-DD`.
    public var date: String
    public var hours: Double
    public var kind: Kind
    public var note: String?
    public var recordedAt: String
    public var recordedBy: String

    public init(id: String = RecordID.make("hr"), traineeID: String, date: String, hours: Double, kind: Kind,
                note: String? = nil, recordedAt: String = "", recordedBy: String = "") {
        self.id = id
        self.traineeID = traineeID
        self.date = date
        self.hours = hours
        self.kind = kind
        self.note = note
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
