import Foundation
import LanternDiagnostics

/// Who is making a change: `--as NAME` when given, else the operating-system user.
public enum ActingUser {
    public static func resolve(_ explicit: String?) -> String {
        if let explicit, !explicit.trimmingCharacters(in: .whitespaces).isEmpty {
            return explicit.trimmingCharacters(in: .whitespaces)
        }
        return Platform.loginName()
    }
}
