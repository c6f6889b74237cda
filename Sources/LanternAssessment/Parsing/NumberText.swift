import Foundation

/// Reading numbers the way trainees and authors write them: `6`, `-2.5`, `6,5` (decimal comma), `1e3`.
enum NumberText {
    static func parse(_ written: String) -> Double? {
        var text = written.utf8.allSatisfy({ $0 < 0x80 }) ? ASCIIText.trimmed(written, newlines: false)
                                                         : written.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.count <= 64 else { return nil }
        if !text.contains("."), text.filter({ $0 == "," }).count == 1 {
            text = String(text.map { $0 == "," ? "." : $0 })
        }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              text.contains(where: { $0.isNumber }), let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// A numeric answer as written by an author: `6`, `6 ± 0.5`, `6 +- 0.5`, `6:0.5` (GIFT), `5..7`, `*`.
    static func parseTarget(_ written: String) -> NumericAnswer.Target? {
        let text = written.trimmingCharacters(in: .whitespaces)
        if text == "*" { return .any }
        if let range = text.range(of: "..") {
            guard let low = parse(String(text[..<range.lowerBound])), let high = parse(String(text[range.upperBound...])),
                  low <= high else { return nil }
            return .range(low, high)
        }
        for separator in ["±", "+-", "+/-"] {
            if let range = text.range(of: separator) {
                guard let value = parse(String(text[..<range.lowerBound])), let tolerance = parse(String(text[range.upperBound...])),
                      tolerance >= 0 else { return nil }
                return .value(value, tolerance: tolerance)
            }
        }
        guard let value = parse(text) else { return nil }
        return .value(value, tolerance: 0)
    }
}

