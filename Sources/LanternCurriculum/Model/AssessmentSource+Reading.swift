import LanternDiagnostics

extension AssessmentSource {
    /// Reads an assessment file's identity and front matter from text, as the workspace loader
    /// does (for tests, importers and tools that hold a single file). Problems go to `engine`.
    public static func read(_ source: SourceText, fileID: String, relativePath: String,
                            engine: DiagnosticsEngine) -> AssessmentSource? {
        AssessmentSourceReader.read(source, fileID: fileID, relativePath: relativePath, engine: engine)?.0
    }
}
