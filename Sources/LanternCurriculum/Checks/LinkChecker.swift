import Foundation
import LanternDiagnostics
import LanternMarkdown

/// Where a link or image in a module points, once resolved.
public enum LinkTarget: Hashable, Sendable {
    /// `https:`, `mailto:` and other addresses outside the workspace.
    case external(String)
    /// A heading in the same module (`#anchor`).
    case anchor(String)
    /// Another module (`crisis.md`, `crisis.md#a-heading`).
    case module(id: String, anchor: String?)
    /// A file in the curriculum folder (an image), relative to it.
    case file(String)
    /// Something a site cannot serve: an absolute path, a path outside the curriculum.
    case invalid(reason: String)

    /// Classifies a destination written in a module.
    public static func classify(_ destination: String) -> LinkTarget {
        classifyASCII(destination) ?? classifyAny(destination)
    }

    /// The same rules on bytes, for ASCII destinations without percent-escapes (nearly all of
    /// them: each module page has dozens of links, each classified twice); nil otherwise.
    static func classifyASCII(_ destination: String) -> LinkTarget? {
        let bytes = Array(destination.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "%") }) else { return nil }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        let count = bytes.count
        if count > 0, bytes[0] == UInt8(ascii: "#") { return .anchor(text(1..<count)) }
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0 {
            func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
            let scheme = bytes[..<colon]
            if isLetter(scheme.first!), scheme.allSatisfy({ isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) {
                return .external(destination)
            }
        }
        if count >= 2, bytes[0] == UInt8(ascii: "/"), bytes[1] == UInt8(ascii: "/") { return .external(destination) }
        if count >= 1, bytes[0] == UInt8(ascii: "/") {
            return .invalid(reason: "an absolute path breaks when the site is published elsewhere; use a relative link")
        }
        var end = count
        var anchor: String?
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            anchor = text((hash + 1)..<count)
            end = hash
        }
        if let query = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) { end = query }
        var components: [Range<Int>] = []
        var start = 0
        for index in 0...end where index == end || bytes[index] == UInt8(ascii: "/") {
            defer { start = index + 1 }
            let length = index - start
            if length == 0 || (length == 1 && bytes[start] == UInt8(ascii: ".")) { continue }
            if length == 2, bytes[start] == UInt8(ascii: "."), bytes[start + 1] == UInt8(ascii: ".") {
                guard !components.isEmpty else { return .invalid(reason: "it points outside the curriculum folder") }
                components.removeLast()
                continue
            }
            components.append(start..<index)
        }
        let normalized = components.map(text).joined(separator: "/")
        if normalized.hasSuffix(".md") {
            guard components.count == 1 else {
                return .invalid(reason: "links to modules must name a module file in the curriculum folder, such as 'crisis.md'")
            }
            return .module(id: String(normalized.dropLast(3)), anchor: anchor.flatMap { $0.isEmpty ? nil : $0 })
        }
        return .file(normalized)
    }

    /// The rules on any destination.
    static func classifyAny(_ destination: String) -> LinkTarget {
        if destination.hasPrefix("#") {
            return .anchor(String(destination.dropFirst()))
        }
        if URLSafety.hasScheme(destination) || destination.hasPrefix("//") {
            return .external(destination)
        }
        if destination.hasPrefix("/") {
            return .invalid(reason: "an absolute path breaks when the site is published elsewhere; use a relative link")
        }
        var path = destination
        var anchor: String?
        if let hash = path.firstIndex(of: "#") {
            anchor = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        if path.utf8.contains(UInt8(ascii: "%")) { path = path.removingPercentEncoding ?? path }
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !components.isEmpty else {
                    return .invalid(reason: "it points outside the curriculum folder")
                }
                components.removeLast()
            default: components.append(component)
            }
        }
        let normalized = components.joined(separator: "/")
        if normalized.hasSuffix(".md") {
            guard components.count == 1 else {
                return .invalid(reason: "links to modules must name a module file in the curriculum folder, such as 'crisis.md'")
            }
            return .module(id: String(normalized.dropLast(3)), anchor: anchor.flatMap { $0.isEmpty ? nil : $0 })
        }
        return .file(normalized)
    }
}

/// Checks every link and image in every module: first within its module (addresses that
/// cannot be published, anchors in the same module), then against the workspace (other
/// modules and their anchors, files in the curriculum folder).
enum LinkChecker {
    /// Checks the links a module's own file can settle, and returns the others: links to other
    /// modules and to files, for `check` once every module is read. External links need nothing.
    static func checkWithinModule(_ links: [ModuleLinkReference], anchors: Set<String>, path: String,
                                  engine: DiagnosticsEngine) -> [ModuleLinkReference] {
        var remaining: [ModuleLinkReference] = []
        for link in links {
            let location = SourceLocation(path: path, line: link.line, column: link.column)
            switch LinkTarget.classify(link.destination) {
            case .external:
                continue
            case .anchor(let anchor):
                if !anchor.isEmpty, !anchors.contains(anchor) {
                    engine.error("broken-link", "no heading in this module has the anchor '#\(anchor)'", at: location,
                                 hint: Suggestions.didYouMean(anchor, in: anchors)
                                    .map { "\($0) (anchors are the heading text in lower case with hyphens)" })
                }
            case .module, .file:
                remaining.append(link)
            case .invalid(let reason):
                engine.error("broken-link", "link '\(link.destination)' cannot be published: \(reason)", at: location)
            }
        }
        return remaining
    }

    /// Whether `sorted` (in `<` order) holds `value`.
    static func sortedContains(_ sorted: [String], _ value: String) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// Checks links to other modules and files (what `checkWithinModule` returned).
    static func check(_ modules: [ParsedModule], curriculumFolder: URL, engine: DiagnosticsEngine) {
        let anchorsByModule = Dictionary(modules.map { ($0.fileID, $0.anchors) }, uniquingKeysWith: { first, _ in first })
        var fileExists: [String: Bool] = [:]
        for parsed in modules {
            let path = parsed.module.displayPath
            for link in parsed.links {
                let location = SourceLocation(path: path, line: link.line, column: link.column)
                switch LinkTarget.classify(link.destination) {
                case .external, .anchor, .invalid:
                    // Settled within the module.
                    continue
                case .module(let id, let anchor):
                    guard let anchors = anchorsByModule[id] else {
                        engine.error("broken-link", "link to module '\(id).md', which does not exist", at: location,
                                     hint: Suggestions.didYouMean(id, in: anchorsByModule.keys).map { "\($0) (link as '\(Suggestions.closest(to: id, in: anchorsByModule.keys)!).md')" }
                                        ?? "check the spelling, or create the module with 'lantern new module \(id)'")
                        continue
                    }
                    if let anchor, !Self.sortedContains(anchors, anchor) {
                        engine.error("broken-link", "module '\(id)' has no heading with the anchor '#\(anchor)'", at: location,
                                     hint: Suggestions.didYouMean(anchor, in: anchors))
                    }
                case .file(let relative):
                    if relative.hasSuffix(".md") { continue }
                    let exists = fileExists[relative] ?? {
                        var isDirectory: ObjCBool = false
                        let found = FileManager.default.fileExists(atPath: curriculumFolder.appendingPathComponent(relative).path,
                                                                   isDirectory: &isDirectory) && !isDirectory.boolValue
                        fileExists[relative] = found
                        return found
                    }()
                    if !exists {
                        let what = link.isImage ? "image" : "linked file"
                        engine.error("broken-link", "\(what) '\(relative)' does not exist in the curriculum folder", at: location,
                                     hint: "paths are relative to the curriculum folder; check the spelling and the file's folder")
                    }
                }
            }
        }
    }
}
