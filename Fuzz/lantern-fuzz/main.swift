// libFuzzer driver for every parser that reads a user's file. Built only by scripts/fuzz.sh
// (LANTERN_FUZZ=1, --sanitize fuzzer --sanitize address); the target is chosen by
// LANTERN_FUZZ_TARGET, every other argument goes to libFuzzer.
import Foundation

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

let name = ProcessInfo.processInfo.environment["LANTERN_FUZZ_TARGET"] ?? ""
guard let target = FuzzTarget(rawValue: name) else {
    FileHandle.standardError.write(Data("set LANTERN_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
    exit(2)
}
FuzzTarget.selected.withLock { $0 = target }
FuzzTarget.prepare()

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    FuzzTarget.selected.withLock { $0 }?.run(bytes)
    return 0
})
