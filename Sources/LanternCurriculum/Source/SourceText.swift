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
        try decode(bytes(of: url, displayPath: displayPath), displayPath: displayPath)
    }

    /// Reads a file by path (no `URL` to build: module files are read by the thousand).
    public static func read(atPath path: String, displayPath: String) throws(LanternError) -> SourceText {
        try decode(bytes(atPath: path, displayPath: displayPath), displayPath: displayPath)
    }

    /// A file's bytes, undecoded; on failure the error says why.
    public static func bytes(of url: URL, displayPath: String) throws(LanternError) -> Data {
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw LanternError(.unreadableFile, "cannot read the file: \(Self.reason(error))",
                               at: SourceLocation(path: displayPath))
        }
    }

    /// A file's bytes by path, undecoded; on failure the error says why.
    public static func bytes(atPath path: String, displayPath: String) throws(LanternError) -> Data {
        if let data = FileManager.default.contents(atPath: path) { return data }
        // Let the URL reader say why.
        return try bytes(of: URL(fileURLWithPath: path), displayPath: displayPath)
    }

    /// Decodes bytes as UTF-8 text, reporting NUL bytes and invalid UTF-8 at their position.
    public static func decode(_ data: Data, displayPath: String) throws(LanternError) -> SourceText {
        // Work on raw bytes: Data's own indexing is far slower for whole-file scans. One
        // validation makes the string; line endings are rewritten only when there is a CR.
        enum Decoded { case text(String), problem(code: String, offset: Int) }
        let decoded = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Decoded in
            let bytes = raw.bindMemory(to: UInt8.self)
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let body = UnsafeBufferPointer(rebasing: bytes[start...])
            guard let base = body.baseAddress else { return .text("") }
            if let nul = memchr(base, 0, body.count) {
                return .problem(code: "binary-file", offset: start + (UnsafeRawPointer(nul) - UnsafeRawPointer(base)))
            }
            guard let text = String(validating: body, as: UTF8.self) else {
                return .problem(code: "invalid-utf8", offset: start + (firstInvalidUTF8(in: body) ?? 0))
            }
            return memchr(base, Int32(UInt8(ascii: "\r")), body.count) == nil ? .text(text) : .text(normalizeLineEndings(text))
        }
        switch decoded {
        case .text(let text):
            return SourceText(displayPath: displayPath, text: text)
        case .problem(let code, let offset):
            let location = Self.location(ofByte: offset, in: data, path: displayPath)
            if code == "binary-file" {
                throw LanternError(.binaryFile, "this looks like a binary file, not text (a NUL byte)", at: location,
                                   hint: "save it as plain UTF-8 text, or move it out of the workspace")
            }
            throw LanternError(.invalidUtf8, "the file is not valid UTF-8 text", at: location,
                               hint: "re-save the file with UTF-8 encoding")
        }
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

    /// The line and byte column of a byte offset (a byte-order mark counts as no column).
    static func location(ofByte offset: Int, in data: Data, path: String) -> SourceLocation {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var line = 1
            var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            return SourceLocation(path: path, line: line, column: offset - lineStart + 1)
        }
    }

    static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return nil
            case .error: return offset
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
