/// The stable, machine-readable name of a kind of failure: what scripts and tests match on,
/// and what `--format json` prints as `code`. The wire strings never change once shipped; new
/// kinds get new names. `ErrorCode` gives each a typed constant so Swift code matches on
/// `error.is(.attemptConflict)` rather than a string that a typo could break silently.
///
/// docs/error-codes.md lists every code with the layer that throws it.
public struct ErrorCode: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        rawValue = value
    }

    public var description: String { rawValue }
}

extension LanternError {
    public init(_ code: ErrorCode, _ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        self.init(code.rawValue, message, at: location, hint: hint)
    }

    /// Whether this error is of the kind `code`.
    public func `is`(_ code: ErrorCode) -> Bool {
        self.code == code.rawValue
    }
}

/// Every code thrown as a `LanternError` (the checker's diagnostics have their own codes,
/// listed in docs/check.md).
extension ErrorCode {
    public static let alreadyCertified: ErrorCode = "already-certified"
    public static let alreadyEnrolled: ErrorCode = "already-enrolled"
    public static let alreadyErased: ErrorCode = "already-erased"
    public static let alreadyExists: ErrorCode = "already-exists"
    public static let alreadySigned: ErrorCode = "already-signed"
    public static let alreadySuperseded: ErrorCode = "already-superseded"
    public static let attemptConflict: ErrorCode = "attempt-conflict"
    public static let attemptEncoding: ErrorCode = "attempt-encoding"
    public static let attemptNotOpen: ErrorCode = "attempt-not-open"
    public static let attemptOpen: ErrorCode = "attempt-open"
    public static let attemptSubmitted: ErrorCode = "attempt-submitted"
    public static let backupTarget: ErrorCode = "backup-target"
    public static let binaryFile: ErrorCode = "binary-file"
    public static let cannotCreateDatabase: ErrorCode = "cannot-create-database"
    public static let cannotEncode: ErrorCode = "cannot-encode"
    public static let cannotOpenDatabase: ErrorCode = "cannot-open-database"
    public static let cannotRead: ErrorCode = "cannot-read"
    public static let cannotWrite: ErrorCode = "cannot-write"
    public static let certificateRevoked: ErrorCode = "certificate-revoked"
    public static let certificateSuspended: ErrorCode = "certificate-suspended"
    public static let certificateUnchanged: ErrorCode = "certificate-unchanged"
    public static let changedDuringBuild: ErrorCode = "changed-during-build"
    public static let checklistErrors: ErrorCode = "checklist-errors"
    public static let cohortProgramMismatch: ErrorCode = "cohort-program-mismatch"
    public static let credentialInvalid: ErrorCode = "credential-invalid"
    public static let csvWriteFailed: ErrorCode = "csv-write-failed"
    public static let databaseBusy: ErrorCode = "database-busy"
    public static let databaseCorrupt: ErrorCode = "database-corrupt"
    public static let databaseReadonly: ErrorCode = "database-readonly"
    public static let databaseTooNew: ErrorCode = "database-too-new"
    public static let diskFull: ErrorCode = "disk-full"
    public static let diskWriteFailed: ErrorCode = "disk-write-failed"
    public static let duplicateAssessor: ErrorCode = "duplicate-assessor"
    public static let duplicateCredentialId: ErrorCode = "duplicate-credential-id"
    public static let duplicateEmail: ErrorCode = "duplicate-email"
    public static let duplicateExternalId: ErrorCode = "duplicate-external-id"
    public static let duplicateKey: ErrorCode = "duplicate-key"
    public static let duplicateTrainee: ErrorCode = "duplicate-trainee"
    public static let emptyFile: ErrorCode = "empty-file"
    public static let expectedMapping: ErrorCode = "expected-mapping"
    public static let fileExists: ErrorCode = "file-exists"
    public static let gzip: ErrorCode = "gzip"
    public static let invalidCategory: ErrorCode = "invalid-category"
    public static let invalidCredentialId: ErrorCode = "invalid-credential-id"
    public static let invalidDate: ErrorCode = "invalid-date"
    public static let invalidHours: ErrorCode = "invalid-hours"
    public static let invalidId: ErrorCode = "invalid-id"
    public static let invalidRating: ErrorCode = "invalid-rating"
    public static let invalidRatings: ErrorCode = "invalid-ratings"
    public static let invalidScore: ErrorCode = "invalid-score"
    public static let invalidTime: ErrorCode = "invalid-time"
    public static let invalidTrainee: ErrorCode = "invalid-trainee"
    public static let invalidUtf8: ErrorCode = "invalid-utf8"
    public static let invalidValue: ErrorCode = "invalid-value"
    public static let invalidVerificationInput: ErrorCode = "invalid-verification-input"
    public static let issuerInvalid: ErrorCode = "issuer-invalid"
    public static let jsonSyntax: ErrorCode = "json-syntax"
    public static let jwsFormat: ErrorCode = "jws-format"
    public static let keyArchive: ErrorCode = "key-archive"
    public static let keyInvalid: ErrorCode = "key-invalid"
    public static let keyMissing: ErrorCode = "key-missing"
    public static let keyPermissions: ErrorCode = "key-permissions"
    public static let keyPrivate: ErrorCode = "key-private"
    public static let keyRetired: ErrorCode = "key-retired"
    public static let keyRevoked: ErrorCode = "key-revoked"
    public static let keyUnknown: ErrorCode = "key-unknown"
    public static let keyUnreadable: ErrorCode = "key-unreadable"
    public static let keyUnsupported: ErrorCode = "key-unsupported"
    public static let keyUnwritable: ErrorCode = "key-unwritable"
    public static let keysExist: ErrorCode = "keys-exist"
    public static let keysInvalid: ErrorCode = "keys-invalid"
    public static let keysMissing: ErrorCode = "keys-missing"
    public static let keysUnreadable: ErrorCode = "keys-unreadable"
    public static let keysUnwritable: ErrorCode = "keys-unwritable"
    public static let missingFrontMatter: ErrorCode = "missing-front-matter"
    public static let missingKey: ErrorCode = "missing-key"
    public static let missingMethod: ErrorCode = "missing-method"
    public static let missingName: ErrorCode = "missing-name"
    public static let missingRating: ErrorCode = "missing-rating"
    public static let missingRole: ErrorCode = "missing-role"
    public static let noAttemptsLeft: ErrorCode = "no-attempts-left"
    public static let noCertificate: ErrorCode = "no-certificate"
    public static let noCertificateRules: ErrorCode = "no-certificate-rules"
    public static let noDatabase: ErrorCode = "no-database"
    public static let noProgram: ErrorCode = "no-program"
    public static let noRatings: ErrorCode = "no-ratings"
    public static let notADatabase: ErrorCode = "not-a-database"
    public static let notALanternDatabase: ErrorCode = "not-a-lantern-database"
    public static let notASupervisor: ErrorCode = "not-a-supervisor"
    public static let notAWorkspace: ErrorCode = "not-a-workspace"
    public static let notAnAssessor: ErrorCode = "not-an-assessor"
    public static let notUtf8: ErrorCode = "not-utf8"
    public static let outputIsTheSite: ErrorCode = "output-is-the-site"
    public static let outputNotAFolder: ErrorCode = "output-not-a-folder"
    public static let outputNotASite: ErrorCode = "output-not-a-site"
    public static let outsideFolder: ErrorCode = "outside-folder"
    public static let recordsConstraint: ErrorCode = "records-constraint"
    public static let recordsError: ErrorCode = "records-error"
    public static let renewalNotMet: ErrorCode = "renewal-not-met"
    public static let requirementsNotMet: ErrorCode = "requirements-not-met"
    public static let schemaUnreadable: ErrorCode = "schema-unreadable"
    public static let signingFailed: ErrorCode = "signing-failed"
    public static let statusIndexTaken: ErrorCode = "status-index-taken"
    public static let statusList: ErrorCode = "status-list"
    public static let statusListFull: ErrorCode = "status-list-full"
    public static let statusListUnsigned: ErrorCode = "status-list-unsigned"
    public static let supersedeMismatch: ErrorCode = "supersede-mismatch"
    public static let templateError: ErrorCode = "template-error"
    public static let timeUp: ErrorCode = "time-up"
    public static let tooLarge: ErrorCode = "too-large"
    public static let traineeNoEmail: ErrorCode = "trainee-no-email"
    public static let unclosedFrontMatter: ErrorCode = "unclosed-front-matter"
    public static let unknownAssessor: ErrorCode = "unknown-assessor"
    public static let unknownCertificate: ErrorCode = "unknown-certificate"
    public static let unknownChecklist: ErrorCode = "unknown-checklist"
    public static let unknownCohort: ErrorCode = "unknown-cohort"
    public static let unknownCriterion: ErrorCode = "unknown-criterion"
    public static let unknownHours: ErrorCode = "unknown-hours"
    public static let unknownKey: ErrorCode = "unknown-key"
    public static let unknownLevel: ErrorCode = "unknown-level"
    public static let unknownMethod: ErrorCode = "unknown-method"
    public static let unknownModule: ErrorCode = "unknown-module"
    public static let unknownObservation: ErrorCode = "unknown-observation"
    public static let unknownQuestion: ErrorCode = "unknown-question"
    public static let unknownQuiz: ErrorCode = "unknown-quiz"
    public static let unknownReason: ErrorCode = "unknown-reason"
    public static let unknownTrainee: ErrorCode = "unknown-trainee"
    public static let unreadable: ErrorCode = "unreadable"
    public static let unreadableFile: ErrorCode = "unreadable-file"
    public static let unsupportedLayout: ErrorCode = "unsupported-layout"
    public static let unwritableOutput: ErrorCode = "unwritable-output"
    public static let whichTrainee: ErrorCode = "which-trainee"
    public static let workspaceErrors: ErrorCode = "workspace-errors"
    public static let workspaceInvalid: ErrorCode = "workspace-invalid"
    public static let writeFailed: ErrorCode = "write-failed"
    public static let wrongSupervisor: ErrorCode = "wrong-supervisor"
    public static let wrongType: ErrorCode = "wrong-type"
    public static let yamlAlias: ErrorCode = "yaml-alias"
    public static let yamlSyntax: ErrorCode = "yaml-syntax"
    public static let yamlTooLarge: ErrorCode = "yaml-too-large"
}
