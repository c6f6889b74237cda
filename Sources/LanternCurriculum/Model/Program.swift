import LanternDiagnostics

/// `curriculum/program.yml`: the modules in order and what a certificate needs.
public struct Program: Sendable, Hashable {
    public var id: String
    public var title: String
    public var summary: String?
    /// Module ids in program order.
    public var moduleIDs: [String]
    public var certificate: CertificateRules?

    public static let fileName = "program.yml"
}

/// What a trainee must do to be certified, and how certificates expire and renew.
public struct CertificateRules: Sendable, Hashable {
    /// Which assessments must be passed.
    public enum Selection: Sendable, Hashable {
        case all
        case none
        case only([String])
    }

    public var quizzes: Selection
    public var checklists: Selection
    public var practicumHours: Int
    public var validFor: Period?
    public var renewalCEHours: Int?
    public var renewalEthicsHours: Int?
    /// How long before expiry renewal opens (`certificate.renewal.window`; nil: 90 days).
    public var renewalWindow: Period?
    public var statement: String?
}
