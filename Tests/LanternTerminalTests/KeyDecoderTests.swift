import Testing
@testable import LanternTerminal

@Suite struct KeyDecoderTests {
    private func keys(_ bytes: [UInt8]) -> [Key] {
        var decoder = KeyDecoder()
        return decoder.feed(bytes) + decoder.flush()
    }

    @Test func arrowsInBothForms() {
        #expect(keys(Array("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D".utf8)) == [.up, .down, .right, .left])
        #expect(keys(Array("\u{1B}OA\u{1B}OB\u{1B}OH\u{1B}OF".utf8)) == [.up, .down, .home, .end])
    }

    @Test func pagingAndHomeEnd() {
        #expect(keys(Array("\u{1B}[5~\u{1B}[6~\u{1B}[1~\u{1B}[4~\u{1B}[H\u{1B}[F\u{1B}[7~\u{1B}[8~".utf8))
                == [.pageUp, .pageDown, .home, .end, .home, .end, .home, .end])
    }

    @Test func modifiersAreIgnored() {
        #expect(keys(Array("\u{1B}[1;5A\u{1B}[5;2~".utf8)) == [.up, .pageUp])
    }

    @Test func controlKeys() {
        #expect(keys([0x0D, 0x0A, 0x7F, 0x08, 0x03, 0x04, 0x09]) == [.enter, .enter, .backspace, .backspace, .interrupt, .control("d"), .tab])
    }

    @Test func printableUTF8IncludingWide() {
        #expect(keys(Array("aé漢😀".utf8)) == [.character("a"), .character("é"), .character("漢"), .character("😀")])
    }

    @Test func sequencesSplitAcrossReads() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.feed(Array("[".utf8)).isEmpty)
        #expect(decoder.feed(Array("6~".utf8)) == [.pageDown])
        let han = Array("漢".utf8)
        #expect(decoder.feed(han[0..<2]).isEmpty)
        #expect(decoder.hasPending)
        #expect(decoder.feed(han[2...]) == [.character("漢")])
    }

    @Test func loneEscapeIsFlushed() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]).isEmpty)
        #expect(decoder.flush() == [.escape])
    }

    @Test func brokenUTF8IsDropped() {
        #expect(keys([0xFF, 0x61, 0xC3]) == [.character("a")])
    }
}
