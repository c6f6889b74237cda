import Testing
@testable import LanternTerminal

@Suite struct VirtualScreenTests {
    @Test func framesAddressEveryRow() {
        var screen = VirtualScreen(size: TerminalSize(columns: 10, rows: 3))
        screen.apply("garbage\r\nmore")
        screen.apply(Frame(rows: ["one", "\u{1B}[1mtwo\u{1B}[0m"]).rendered(rows: 3))
        #expect(screen.lines == ["one", "two", ""])
    }

    @Test func wideCharactersTakeTwoCells() {
        var screen = VirtualScreen(size: TerminalSize(columns: 6, rows: 2))
        screen.apply("漢字ab")
        #expect(screen.lines[0] == "漢字ab")
        screen.apply("c")
        #expect(screen.lines == ["漢字ab", "c"])
    }

    @Test func alternateScreenAndCursorAreTracked() {
        let terminal = ScriptedTerminal(size: TerminalSize(columns: 20, rows: 4))
        terminal.enterFullScreen()
        #expect(terminal.screen.alternateScreen && !terminal.screen.cursorVisible)
        terminal.leaveFullScreen()
        terminal.leaveFullScreen()
        #expect(!terminal.screen.alternateScreen && terminal.screen.cursorVisible)
        #expect(terminal.restoreCount == 1)
    }

    @Test func textFitUsesDisplayWidth() {
        #expect(TextFit.clip("漢字漢字", to: 5) == "漢字…")
        #expect(TextFit.clip("short", to: 10) == "short")
        #expect(TextFit.spread("left", "right", width: 12) == "left   right")
    }
}
