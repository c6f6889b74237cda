import CSV
import Foundation
import LanternDiagnostics

/// Writes CSV (RFC 4180 quoting) through CSV.swift.
public enum CSVText {
    public static func render(header: [String], rows: [[String]]) throws(LanternError) -> String {
        do {
            let stream = OutputStream(toMemory: ())
            let writer = try CSVWriter(stream: stream)
            try writer.write(row: header)
            for row in rows {
                try writer.write(row: row)
            }
            writer.stream.close()
            let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            throw LanternError("csv-write-failed", "cannot write CSV output")
        }
    }
}
