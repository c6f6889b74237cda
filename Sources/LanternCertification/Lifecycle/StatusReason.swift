/// Coded reasons for revoking, suspending or reinstating a certificate (recorded and audited;
/// never published).
public enum StatusReason: String, Sendable, CaseIterable {
    case issuedInError = "issued-in-error"
    case requirementsNotMet = "requirements-not-met"
    case misconduct
    case fraud
    case superseded
    case investigation
    case holderRequest = "holder-request"
    case lapsedContinuingEducation = "lapsed-ce"
    case investigationCleared = "investigation-cleared"
    case administrative
    case other

    /// Every code, for help text and "did you mean".
    public static var codes: [String] { allCases.map(\.rawValue) }
}
