import Foundation
import LanternDiagnostics

/// Checks every internal `href` and `src` in the site's HTML: the file must be in the site and
/// the `#anchor`, if any, must be an `id` on the target page.
enum LinkValidator {
    static func validate(_ site: SiteFiles, outputDisplay: String) -> [Diagnostic] {
        let files = site.files
        let pages = site.sortedPaths.filter { $0.hasSuffix(".html") }
        var idsByPage: [String: Set<String>] = [:]
        for page in pages { idsByPage[page] = Set(attributeValues(named: "id", in: files[page]!)) }

        var problems: [Diagnostic] = []
        for page in pages {
            let folder = (page as NSString).deletingLastPathComponent
            let display = outputDisplay.isEmpty ? page : outputDisplay + "/" + page
            var reported = Set<String>()
            for name in ["href", "src"] {
                for raw in attributeValues(named: name, in: files[page]!) {
                    let link = unescape(raw)
                    guard isInternal(link), reported.insert(link).inserted else { continue }
                    var path = link
                    var anchor: String?
                    if let hash = path.firstIndex(of: "#") {
                        anchor = String(path[path.index(after: hash)...])
                        path = String(path[..<hash])
                    }
                    if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
                    let target: String
                    if path.isEmpty {
                        target = page
                    } else {
                        guard let resolved = resolve(path.removingPercentEncoding ?? path, from: folder) else {
                            problems.append(Diagnostic(.error, "broken-link", "'\(link)' points outside the site",
                                                       at: SourceLocation(path: display)))
                            continue
                        }
                        if files[resolved] != nil {
                            target = resolved
                        } else if files[resolved.isEmpty ? "index.html" : resolved + "/index.html"] != nil {
                            target = resolved.isEmpty ? "index.html" : resolved + "/index.html"
                        } else {
                            problems.append(Diagnostic(.error, "broken-link", "'\(link)' points to a file that is not in the site",
                                                       at: SourceLocation(path: display)))
                            continue
                        }
                    }
                    if let anchor, !anchor.isEmpty, target.hasSuffix(".html") {
                        let decoded = anchor.removingPercentEncoding ?? anchor
                        if !(idsByPage[target]?.contains(decoded) ?? false) {
                            problems.append(Diagnostic(.error, "broken-anchor", "'\(link)': \(target) has no element with id '\(decoded)'",
                                                       at: SourceLocation(path: display)))
                        }
                    }
                }
            }
        }
        return problems
    }

    /// Links that stay inside the site: no scheme, not protocol-relative.
    static func isInternal(_ link: String) -> Bool {
        if link.isEmpty || link.hasPrefix("//") { return false }
        for character in link {
            if character == ":" { return false }
            if character == "/" || character == "?" || character == "#" { return true }
        }
        return true
    }

    /// `a/b/../c` relative to `folder`, or nil when it climbs above the site root.
    static func resolve(_ path: String, from folder: String) -> String? {
        var parts = path.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// Every value of ` name="…"` in the bytes (the site writes attributes with double quotes).
    static func attributeValues(named name: String, in bytes: [UInt8]) -> [String] {
        let needle = Array(" \(name)=\"".utf8)
        var values: [String] = []
        var index = 0
        let end = bytes.count - needle.count
        while index <= end {
            if bytes[index] == needle[0], bytes[index + 1] == needle[1], Array(bytes[index..<index + needle.count]) == needle {
                let start = index + needle.count
                var stop = start
                while stop < bytes.count, bytes[stop] != UInt8(ascii: "\"") { stop += 1 }
                values.append(String(decoding: bytes[start..<stop], as: UTF8.self))
                index = stop
            } else {
                index += 1
            }
        }
        return values
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
