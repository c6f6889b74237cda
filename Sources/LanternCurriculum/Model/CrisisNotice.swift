/// The notice that opens every crisis-related module: where to get help now.
public enum CrisisNotice {
    /// Plain text, built from the workspace's crisis resources for its region.
    public static func text(for workspace: Workspace) -> String {
        var lines = ["If you or someone you are with is in immediate danger, call your local emergency number now."]
        let local = workspace.localCrisisResources
        if local.isEmpty {
            lines.append("Find a crisis line for your country on your organisation's resources page.")
        } else {
            for resource in local {
                var line = "\(resource.service): \(resource.contact)"
                if let hours = resource.hours { line += " (\(hours))" }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }
}
