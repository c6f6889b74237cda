import CSV
import Foundation
import GRDB
import LanternDiagnostics

/// Trainees to and from CSV. The header names the columns (any order):
/// `name` (required), `preferred_name`, `email`, `external_id`, `public_name` (yes/no), `id`;
/// `created_at` and `erased_at` (written by export) are accepted and ignored.
public enum TraineeCSV {
    public static let columns = ["id", "name", "preferred_name", "email", "external_id", "public_name"]
    static let ignoredColumns = ["created_at", "erased_at"]

    /// One problem with one cell or row, by row number (the header is row 1) and column.
    public struct Problem: Sendable, Hashable, Codable, CustomStringConvertible {
        public var row: Int
        public var column: Int?
        public var columnName: String?
        public var message: String

        public var description: String {
            var place = "row \(row)"
            if let column { place += ", column \(column)" + (columnName.map { " (\($0))" } ?? "") }
            return "\(place): \(message)"
        }
    }

    /// Rows parsed and checked, before anything is written.
    public struct Parsed: Sendable {
        /// Valid trainees with their row numbers.
        public var trainees: [(row: Int, trainee: NewTrainee)]
        public var problems: [Problem]
    }

    /// Parses CSV text, reporting every bad row by row and column. Values never appear in
    /// problems (they may be personal data).
    public static func parse(_ text: String) -> Parsed {
        var problems: [Problem] = []
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true)
        } catch {
            return Parsed(trainees: [], problems: [Problem(row: 1, column: nil, columnName: nil, message: "cannot read the header row")])
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "\u{FEFF}", with: "") }
        var positions: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if ignoredColumns.contains(name) { continue }
            guard columns.contains(name) else {
                problems.append(Problem(row: 1, column: index + 1, columnName: name,
                                        message: "unknown column; the columns are \(columns.joined(separator: ", "))"))
                continue
            }
            if positions[name] != nil {
                problems.append(Problem(row: 1, column: index + 1, columnName: name, message: "column appears twice"))
            }
            positions[name] = index
        }
        if positions["name"] == nil {
            problems.append(Problem(row: 1, column: nil, columnName: nil, message: "the header has no 'name' column"))
        }
        if !problems.isEmpty { return Parsed(trainees: [], problems: problems) }

        var trainees: [(row: Int, trainee: NewTrainee)] = []
        var seen: [String: [String: Int]] = ["id": [:], "email": [:], "external_id": [:]]
        var rowNumber = 1
        while let fields = reader.next() {
            rowNumber += 1
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var rowProblems: [Problem] = []
            if fields.count != header.count {
                rowProblems.append(Problem(row: rowNumber, column: min(fields.count, header.count) + 1, columnName: nil,
                                           message: "has \(fields.count) field\(fields.count == 1 ? "" : "s"), the header has \(header.count)"))
                problems.append(contentsOf: rowProblems)
                continue
            }
            func value(_ name: String) -> String? {
                guard let index = positions[name] else { return nil }
                let text = CSVText.restored(fields[index].trimmingCharacters(in: .whitespaces))
                return text.isEmpty ? nil : text
            }
            func problem(_ name: String, _ message: String) {
                let index = positions[name]
                rowProblems.append(Problem(row: rowNumber, column: index.map { $0 + 1 }, columnName: name, message: message))
            }
            var consent = false
            if let text = value("public_name") {
                switch text.lowercased() {
                case "yes", "y", "true", "1": consent = true
                case "no", "n", "false", "0": consent = false
                default: problem("public_name", "write yes or no")
                }
            }
            let trainee = NewTrainee(id: value("id"), name: value("name") ?? "", preferredName: value("preferred_name"),
                                     email: value("email"), externalID: value("external_id"), publicNameConsent: consent)
            for found in TraineeValidation.problems(trainee) { problem(found.field, found.message) }
            for key in ["id", "email", "external_id"] {
                guard let raw = value(key) else { continue }
                let normalized = key == "email" ? raw.lowercased() : raw
                if let earlier = seen[key]?[normalized] {
                    problem(key, "same as row \(earlier)")
                } else {
                    seen[key]?[normalized] = rowNumber
                }
            }
            if rowProblems.isEmpty {
                trainees.append((rowNumber, trainee))
            } else {
                problems.append(contentsOf: rowProblems)
            }
        }
        if let error = reader.error {
            problems.append(Problem(row: rowNumber + 1, column: nil, columnName: nil, message: "cannot be read as CSV (\(error))"))
        }
        return Parsed(trainees: trainees, problems: problems)
    }

    /// Writes every trainee as CSV with the import columns plus `created_at` and `erased_at`.
    public static func export(_ trainees: [Trainee]) throws(LanternError) -> String {
        try CSVText.render(header: columns + ["created_at", "erased_at"], rows: trainees.map { trainee in
            [trainee.id, trainee.name ?? "", trainee.preferredName ?? "", trainee.email ?? "", trainee.externalID ?? "",
             trainee.publicNameConsent ? "yes" : "no", trainee.createdAt, trainee.erasedAt ?? ""]
        })
    }
}

/// What an import did.
public struct TraineeImportReport: Sendable, Codable {
    public var imported: [String]
    public var problems: [TraineeCSV.Problem]
    /// Whether the valid rows were written although some rows were bad.
    public var partial: Bool
}

extension RecordsStore {
    /// Imports trainees from CSV text in one transaction. With bad rows, nothing is written
    /// unless `skipInvalid`, in which case every valid row is written and the bad ones are
    /// reported. A row is never half-written.
    public func importTrainees(csv text: String, skipInvalid: Bool) throws(LanternError) -> TraineeImportReport {
        var parsed = TraineeCSV.parse(text)
        let actor = self.actor
        let rows = parsed.trainees
        // Rows that clash with trainees already recorded are bad rows too.
        let clashes: [TraineeCSV.Problem] = try read { db in
            var found: [TraineeCSV.Problem] = []
            for (row, trainee) in rows {
                if let id = trainee.id, try Bool.fetchOne(db, sql: "SELECT 1 FROM trainee WHERE id = ?", arguments: [id]) == true {
                    found.append(.init(row: row, column: nil, columnName: "id", message: "a trainee with this id is already recorded"))
                }
                if let email = trainee.email, try Bool.fetchOne(db, sql: "SELECT 1 FROM trainee WHERE email = ?", arguments: [email]) == true {
                    found.append(.init(row: row, column: nil, columnName: "email", message: "a trainee with this email is already recorded"))
                }
                if let external = trainee.externalID, try Bool.fetchOne(db, sql: "SELECT 1 FROM trainee WHERE external_id = ?", arguments: [external]) == true {
                    found.append(.init(row: row, column: nil, columnName: "external_id", message: "a trainee with this external id is already recorded"))
                }
            }
            return found
        }
        let badRows = Set(clashes.map(\.row))
        parsed.problems.append(contentsOf: clashes)
        parsed.problems.sort { ($0.row, $0.column ?? 0) < ($1.row, $1.column ?? 0) }
        let valid = parsed.trainees.filter { !badRows.contains($0.row) }
        if !parsed.problems.isEmpty && !skipInvalid {
            return TraineeImportReport(imported: [], problems: parsed.problems, partial: false)
        }
        let toInsert = valid.map(\.trainee)
        let ids = try write { db, now in
            var ids: [String] = []
            for trainee in toInsert {
                ids.append(try RecordsStore.insertTrainee(db, trainee, now: now, actor: actor))
            }
            if !ids.isEmpty {
                try self.audit(db, now, "trainee.import", "import", ids.first ?? "", ["rows": String(ids.count)])
            }
            return ids
        }
        return TraineeImportReport(imported: ids, problems: parsed.problems, partial: !parsed.problems.isEmpty)
    }
}
