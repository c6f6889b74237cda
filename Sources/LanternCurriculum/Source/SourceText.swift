import Foundation
import LanternDiagnostics

/// A user's text file, read safely: a UTF-8 byte-order mark is dropped, CRLF and CR line
/// endings become LF, and binary or invalid UTF-8 content is reported at its line and column
/// instead of being guessed at.
public struct SourceText: Sendable {
    /// The path shown in diagnostics (relative to where the user ran Lantern when possible).
    public let displayPath: String
    /// The file's text with `\n` line endings.
    public let text: String

    public init(displayPath: String, text: String) {
        self.displayPath = displayPath
        self.text = text
    }

    /// Reads a file; on failure the error says what is wrong with it and where.
    public static func read(_ url: URL, displayPath: String) throws(LanternError) -> SourceText {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw LanternError("unreadable-file", "cannot read the file: \(Self.reason(error))",
                               at: SourceLocation(path: displayPath))
        }
        return try decode(data, displayPath: displayPath)
    }

    /// Decodes bytes as UTF-8 text, reporting NUL bytes and invalid UTF-8 at their position.
    public static func decode(_ data: Data, displayPath: String) throws(LanternError) -> SourceText {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }

        if let nul = bytes.firstIndex(of: 0) {
            throw LanternError("binary-file", "this looks like a binary file, not text (a NUL byte)",
                               at: location(of: nul, in: bytes, path: displayPath),
                               hint: "save it as plain UTF-8 text, or move it out of the workspace")
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(in: bytes) ?? bytes.startIndex
            throw LanternError("invalid-utf8", "the file is not valid UTF-8 text",
                               at: location(of: bad, in: bytes, path: displayPath),
                               hint: "re-save the file with UTF-8 encoding")
        }
        return SourceText(displayPath: displayPath, text: normalizeLineEndings(decoded))
    }

    static func normalizeLineEndings(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
                previousWasCR = true
                continue
            }
            if byte == UInt8(ascii: "\n"), previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The line and byte column of an index into the bytes.
    static func location(of index: Data.Index, in bytes: Data.SubSequence, path: String) -> SourceLocation {
        var line = 1
        var lineStart = bytes.startIndex
        var cursor = bytes.startIndex
        while cursor < index {
            if bytes[cursor] == UInt8(ascii: "\n") {
                line += 1
                lineStart = bytes.index(after: cursor)
            }
            cursor = bytes.index(after: cursor)
        }
        return SourceLocation(path: path, line: line, column: bytes.distance(from: lineStart, to: index) + 1)
    }

    static func firstInvalidUTF8(in bytes: Data.SubSequence) -> Data.Index? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                offset += encoded.count
            case .emptyInput:
                return nil
            case .error(let length):
                _ = length
                return bytes.index(bytes.startIndex, offsetBy: offset)
            }
        }
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue)).lowercased()
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError: return "permission denied"
            default: break
            }
        }
        return nsError.localizedDescription
    }
}
