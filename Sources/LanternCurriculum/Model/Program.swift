import LanternDiagnostics

/// `curriculum/program.yml`: the modules in order and what a certificate needs.
public struct Program: Sendable, Hashable {
    public var id: String
    public var title: String
    public var summary: String?
    /// Module ids in program order.
    public var moduleIDs: [String]
    public var certificate: CertificateRules?
    /// Program-level assessments (`assessments:`, each a `scope: program` quiz such as a final exam).
    public var assessmentIDs: [String] = []
    /// Where each program-level assessment id was written in program.yml.
    public var assessmentLocations: [String: SourceLocation] = [:]

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
    /// Program-level assessments the certificate requires (`requires.assessments`; default none).
    public var assessments: Selection = .none
    public var practicumHours: Int
    public var validFor: Period?
    public var renewalCEHours: Int?
    public var renewalEthicsHours: Int?
    /// How long before expiry renewal opens (`certificate.renewal.window`; nil: 90 days).
    public var renewalWindow: Period?
    public var statement: String?
}
