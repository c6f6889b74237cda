import LanternCurriculum
import Testing

@Suite("Slugs")
struct SlugTests {
    @Test("valid and invalid identifiers", arguments: [
        ("crisis", true), ("open-questions", true), ("lo3", true), ("Crisis", false),
        ("a--b", false), ("-a", false), ("a b", false), ("", false),
    ])
    func validity(text: String, valid: Bool) {
        #expect(Slug.isValid(text) == valid)
    }

    @Test("suggestions turn text into a slug")
    func suggestion() {
        #expect(Slug.suggestion(for: "Crisis Plan!") == "crisis-plan")
    }
}
