import LanternTerminal
import Testing
@testable import LanternServe

@Suite("Window sizes from clients")
struct ClampTests {
    @Test("Sizes are clamped to 20×6 … 500×200 before any layout", arguments: [
        (1, 1, 20, 6), (10_000, 10_000, 500, 200), (80, 24, 80, 24), (0, 0, 20, 6), (Int(Int32.max), 3, 500, 6),
    ])
    func clamp(columns: Int, rows: Int, expectedColumns: Int, expectedRows: Int) {
        #expect(ChannelTerminal.clamp(TerminalSize(columns: columns, rows: rows)) == TerminalSize(columns: expectedColumns, rows: expectedRows))
    }

    @Test("Listen addresses", arguments: [
        ("127.0.0.1:2222", "127.0.0.1", 2222), ("0.0.0.0:22", "0.0.0.0", 22), (":2200", "127.0.0.1", 2200), ("[::1]:2222", "::1", 2222),
    ])
    func listen(text: String, host: String, port: Int) {
        let parsed = ServeConfiguration.parseListen(text)
        #expect(parsed?.host == host && parsed?.port == port)
    }

    @Test("Bad listen addresses are refused", arguments: ["2222", "host:", "host:99999", "::1:22", "[::1]22"])
    func badListen(text: String) {
        #expect(ServeConfiguration.parseListen(text) == nil)
    }
}
