/// Checks a trainee's fields before anything is written. Problems name the field, never the
/// value (it may be personal data).
public enum TraineeValidation {
    public struct Problem: Sendable, Hashable {
        public var field: String
        public var message: String
    }

    public static func problems(_ trainee: NewTrainee) -> [Problem] {
        var problems: [Problem] = []
        if let id = trainee.id, !RecordID.isValid(id) {
            problems.append(Problem(field: "id", message: "not a valid id (use 1–64 letters, digits, '-', '_' or '.')"))
        }
        let name = trainee.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            problems.append(Problem(field: "name", message: "is empty; every trainee needs a name"))
        } else if name.count > 200 {
            problems.append(Problem(field: "name", message: "is longer than 200 characters"))
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            problems.append(Problem(field: "name", message: "contains control characters"))
        }
        if let email = trainee.email?.trimmingCharacters(in: .whitespaces), !email.isEmpty, !isEmail(email) {
            problems.append(Problem(field: "email", message: "is not an email address (expected name@example.org)"))
        }
        if let external = trainee.externalID, external.isEmpty || external.count > 100
            || external.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            problems.append(Problem(field: "external_id", message: "must be 1–100 characters without control characters"))
        }
        return problems
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), text.count <= 254 else { return false }
        return !text.unicodeScalars.contains { $0 == " " || $0.properties.generalCategory == .control }
    }
}
