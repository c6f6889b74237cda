@testable import LanternAssessment
import Testing

@Suite("Exact fractions")
struct FractionTests {
    @Test("thirds add up to exactly one")
    func thirds() {
        let third = Fraction(1, 3)
        #expect(third + third + third == .one)
    }

    @Test("percentages parse exactly", arguments: [
        ("50%", Fraction(1, 2)), ("-100%", Fraction(-1)), ("33.33333%", Fraction(1, 3)), ("66.66667%", Fraction(2, 3)),
        ("12.5%", Fraction(1, 8)), ("33.3%", Fraction(333, 1000)), ("0%", Fraction.zero), ("100%", Fraction.one),
    ])
    func percent(text: String, expected: Fraction) {
        #expect(CreditMarker.parsePercent(text) == expected)
    }

    @Test("JSON form is a string such as 1/3")
    func jsonForm() {
        #expect(Fraction(2, 6).description == "1/3")
        #expect(Fraction("-1/2") == Fraction(-1, 2))
        #expect(Fraction("x") == nil)
    }
}
