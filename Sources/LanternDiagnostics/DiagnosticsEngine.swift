/// Collects diagnostics while a workspace is loaded, so one run reports every problem.
public final class DiagnosticsEngine {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public func emit(contentsOf more: [Diagnostic]) {
        diagnostics.append(contentsOf: more)
    }

    public func error(_ code: String, _ message: String, at location: SourceLocation?, hint: String? = nil) {
        emit(.error(code, message, at: location, hint: hint))
    }

    public func warning(_ code: String, _ message: String, at location: SourceLocation?, hint: String? = nil) {
        emit(.warning(code, message, at: location, hint: hint))
    }

    public var hasErrors: Bool { diagnostics.hasErrors }
}
