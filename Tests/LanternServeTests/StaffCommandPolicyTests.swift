import Testing
@testable import LanternServe

@Suite("Staff commands over SSH: the allow-list")
struct StaffCommandPolicyTests {
    @Test("Reading, recording and certificate commands are allowed", arguments: [
        ["report", "cohort", "spring", "--format", "csv"], ["progress", "t-1"], ["cert", "issue", "t-1"],
        ["hours", "log", "t-1", "--hours", "2"], ["trainee", "invite", "t-1"],
        ["cert", "revoke", "c-1", "--reason", "other", "-y"],
        ["assessor", "assign", "ash", "--cohort", "spring"], ["assessor", "unassign", "ash", "--cohort", "spring"], ["assessor", "show", "ash"],
    ])
    func allowed(_ words: [String]) {
        #expect((try? StaffCommandPolicy.check(words).get()) == words)
    }

    @Test("Commands that serve, learn, touch keys, files or the database are refused", arguments: [
        ["serve"], ["learn", "--trainee", "t-1"], ["keys", "generate"], ["db", "backup", "x"], ["build"],
        ["cert", "verify", "/etc/passwd"], ["cert", "export", "c-1", "-o", "/tmp/x"], ["trainee", "export"],
        ["trainee", "erase", "t-1"], ["import", "gift", "x"], ["init"], ["cert", "publish"],
    ])
    func refusedCommands(_ words: [String]) {
        #expect(throws: StaffCommandRefusal.self) { try StaffCommandPolicy.check(words).get() }
    }

    @Test("Options naming a server path or another actor are refused anywhere", arguments: [
        ["progress", "--db", "/tmp/other.sqlite"], ["progress", "--db=/tmp/other.sqlite"], ["report", "cohort", "c", "-C", "/"],
        ["report", "cohort", "c", "-C/"], ["hours", "log", "t-1", "--as", "someone"], ["checklist", "record", "x", "--ratings", "/etc/passwd"],
        ["report", "cohort", "c", "--workspace=/"], ["cert", "show", "c-1", "-o/tmp/x"],
        // Grouped behind a flag, as ArgumentParser reads them (-yC DIR is -y -C DIR).
        ["cert", "revoke", "c-1", "--reason", "other", "-yC", "/tmp/other"], ["cert", "revoke", "c-1", "-yC/tmp/other"],
        ["cert", "revoke", "c-1", "-yo", "/tmp/x"],
    ])
    func refusedOptions(_ words: [String]) {
        #expect(throws: StaffCommandRefusal.self) { try StaffCommandPolicy.check(words).get() }
    }

    @Test("Command lines split like a shell's words, with no expansion")
    func shellWords() {
        #expect(ShellWords.split("report cohort 'spring 2027' --format csv") == ["report", "cohort", "spring 2027", "--format", "csv"])
        #expect(ShellWords.split("progress $(rm -rf /) `x` *") == ["progress", "$(rm", "-rf", "/)", "`x`", "*"])
        #expect(ShellWords.split("hours log t-1 --note \"a \\\"b\\\"\"") == ["hours", "log", "t-1", "--note", "a \"b\""])
        #expect(ShellWords.split("progress 'open") == nil)
    }
}
