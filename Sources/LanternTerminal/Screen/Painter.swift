/// Applies emphasis to text for the full-screen learner, or leaves it plain when colour is off.
struct Painter: Sendable {
    var color: Bool

    func bar(_ text: String) -> String { color ? ANSI.inverse + text + ANSI.resetStyle : text }
    func bold(_ text: String) -> String { color ? ANSI.bold + text + ANSI.resetStyle : text }
    func dim(_ text: String) -> String { color ? ANSI.dim + text + ANSI.resetStyle : text }
    /// The selected row in a list: inverse video, or a `>` marker without colour.
    func selected(_ text: String, _ isSelected: Bool) -> String {
        guard isSelected else { return color ? "  " + text : "  " + text }
        return color ? ANSI.inverse + "> " + text + ANSI.resetStyle : "> " + text
    }
}
