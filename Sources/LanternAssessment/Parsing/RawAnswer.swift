import LanternDiagnostics

/// One answer line before the question's type decides what it means: a list item or an `= …` line.
struct RawAnswer {
    var marker: CreditMarker?
    /// The bracket's content when it was not a valid marker (`[maybe]`).
    var invalidMarker: String?
    var text: String
    var feedback: String?
    var location: SourceLocation
    /// Written as `= answer` rather than as a list item.
    var isEqualsLine = false
    /// From a numbered list.
    var isOrdered = false
}
