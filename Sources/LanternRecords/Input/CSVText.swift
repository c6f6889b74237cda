import CSV
import Foundation
import LanternDiagnostics

/// Writes CSV (RFC 4180 quoting) through CSV.swift.
public enum CSVText {
    /// Cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or
    /// carriage return) are written with a `'` in front, so a name someone typed can never run
    /// in the spreadsheet of whoever opens the export (OWASP's advice on CSV injection).
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    /// A cell written by `neutralised`, as it was typed (for importing an export back).
    public static func restored(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, formulaStarts.contains(second) else { return cell }
        return String(cell.dropFirst())
    }

    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    public static func render(header: [String], rows: [[String]]) throws(LanternError) -> String {
        do {
            let stream = OutputStream(toMemory: ())
            let writer = try CSVWriter(stream: stream)
            try writer.write(row: header)
            for row in rows {
                try writer.write(row: row.map(neutralised))
            }
            writer.stream.close()
            let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            throw LanternError(.csvWriteFailed, "cannot write CSV output")
        }
    }
}
