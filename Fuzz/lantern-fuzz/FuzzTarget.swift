import Foundation
import LanternAssessment
import LanternCertification
@testable import LanternCurriculum
import LanternDiagnostics
import LanternMarkdown
import LanternRecords
import Synchronization

/// One parser under fuzzing: bytes in, whatever the parser makes of them, never a crash.
enum FuzzTarget: String, CaseIterable, Sendable {
    case sourceText = "source-text"
    case yaml
    case frontMatter = "front-matter"
    case config
    case program
    case crisisResources = "crisis-resources"
    case module
    case markdown
    case quiz
    case checklist
    case gift
    case aiken
    case csv
    case answers
    case ratings
    /// A credential given to `lantern cert verify` (VC-JWT or JSON), checked against a fixed
    /// issuer profile and status list; also read as an issuer profile and as a status list.
    case credential

    static let selected = Mutex<FuzzTarget?>(nil)
    /// The quiz and checklist that answers and ratings files are read against.
    static let fixtures = Mutex<(Quiz, ChecklistDefinition)?>(nil)
    /// The issuer, key and status list credentials are verified against.
    static let credentials = Mutex<CredentialFixture?>(nil)

    static func prepare() {
        do {
            let fixture = try CredentialFixture()
            credentials.withLock { $0 = fixture }
        } catch {
            fatalError("the credential fuzz fixture cannot be signed: \(error)")
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let engine = DiagnosticsEngine()
        guard let quiz = QuizFile.read(root.appendingPathComponent("assessments/communication-quiz.md"),
                                       displayPath: "communication-quiz.md", engine: engine),
              let source = try? SourceText.read(root.appendingPathComponent("assessments/active-listening.md"),
                                                displayPath: "active-listening.md"),
              let assessment = AssessmentSource.read(source, fileID: "active-listening", relativePath: "active-listening.md", engine: engine),
              let checklist = ChecklistParser.parse(assessment, engine: engine) else {
            fatalError("fuzz fixtures in \(root.path)/assessments do not parse: \(engine.diagnostics)")
        }
        fixtures.withLock { $0 = (quiz, ChecklistDefinition(checklist, contentHash: "0")) }
    }

    func run(_ data: Data) {
        if self == .credential {
            // `cert verify` reads any bytes (invalid UTF-8 replaced), not through SourceText.
            Self.credentials.withLock { $0 }?.run(data)
            return
        }
        // Every file goes through the same decoding as the real readers.
        guard let source = try? SourceText.decode(data, displayPath: "fuzz.md") else { return }
        let text = source.text
        let engine = DiagnosticsEngine()
        switch self {
        case .sourceText:
            _ = source.text.utf8.count
        case .yaml:
            _ = try? YAMLNode.parse(text, path: "fuzz.yml")
        case .frontMatter:
            _ = FrontMatterSplit.parse(source, engine: engine)
        case .config:
            if let node = try? YAMLNode.parse(text, path: "lantern.yml") { _ = ConfigReader.read(node, engine: engine) }
        case .program:
            if let node = try? YAMLNode.parse(text, path: "program.yml") { _ = ProgramReader.read(node, engine: engine) }
        case .crisisResources:
            if let node = try? YAMLNode.parse(text, path: "crisis-resources.yml") {
                _ = CrisisResourceReader.read(node, today: Date(timeIntervalSince1970: 1_800_000_000), engine: engine)
            }
        case .module:
            if let parsed = ModuleReader.read(source, fileID: "fuzz", relativePath: "fuzz.md", engine: engine) {
                _ = HTMLRenderer(options: .init(headingIDs: true)).render(MarkdownDocument(parsing: parsed.module.bodyText))
            }
        case .markdown:
            let document = MarkdownDocument(parsing: text)
            _ = HTMLRenderer(options: .init(headingIDs: true)).render(document)
            _ = TerminalRenderer(options: .init(width: 40, color: true)).render(document)
        case .quiz:
            if let quiz = QuizFile.parse(source, engine: engine) {
                _ = QuizWriter.markdown(quiz)
                _ = GIFTWriter.gift(quiz)
            }
        case .checklist:
            if let assessment = AssessmentSource.read(source, fileID: "fuzz", relativePath: "fuzz.md", engine: engine) {
                _ = ChecklistParser.parse(assessment, engine: engine)
            }
        case .gift:
            let quiz = QuizImport.quiz(from: text, format: .gift, path: "fuzz.gift", id: "fuzz", moduleID: "m", title: "Fuzz", engine: engine)
            _ = QuizWriter.markdown(quiz)
        case .aiken:
            let quiz = QuizImport.quiz(from: text, format: .aiken, path: "fuzz.txt", id: "fuzz", moduleID: "m", title: "Fuzz", engine: engine)
            _ = QuizWriter.markdown(quiz)
        case .csv:
            _ = TraineeCSV.parse(text)
        case .answers:
            if let quiz = Self.fixtures.withLock({ $0?.0 }) {
                _ = AnswersFile.parse(text, path: "answers.yml", quiz: quiz, engine: engine)
            }
        case .ratings:
            if let checklist = Self.fixtures.withLock({ $0?.1 }) {
                _ = try? RatingsFile.parse(text, path: "ratings.yml", checklist: checklist)
            }
        case .credential:
            break
        }
    }
}

extension FuzzTarget {
    /// Seeds made at run time rather than found in the repository (signed credentials).
    static func generatedSeeds(for target: FuzzTarget) throws -> [String: String] {
        guard target == .credential, let fixture = credentials.withLock({ $0 }) else { return [:] }
        return try fixture.seeds()
    }
}
