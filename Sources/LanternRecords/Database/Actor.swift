import Foundation

/// Who is making a change: `--as NAME` when given, else the operating-system user.
public enum ActingUser {
    public static func resolve(_ explicit: String?) -> String {
        if let explicit, !explicit.trimmingCharacters(in: .whitespaces).isEmpty {
            return explicit.trimmingCharacters(in: .whitespaces)
        }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
        return "uid:\(geteuid())"
    }
}
