// libFuzzer entry points for every parser that reads a user's file. Built only by
// scripts/fuzz.sh (LANTERN_FUZZ=1, --sanitize fuzzer --sanitize address), where libFuzzer
// supplies `main`; the target is chosen by LANTERN_FUZZ_TARGET.
import Foundation

@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    let name = ProcessInfo.processInfo.environment["LANTERN_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("set LANTERN_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(2)
    }
    FuzzTarget.selected.withLock { $0 = target }
    FuzzTarget.prepare()
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    FuzzTarget.selected.withLock { $0 }?.run(bytes)
    return 0
}
