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
    // LANTERN_FUZZ_SEEDS=FOLDER: write the target's generated seeds there and stop (scripts/fuzz.sh).
    if let folder = ProcessInfo.processInfo.environment["LANTERN_FUZZ_SEEDS"] {
        do {
            for (name, text) in try FuzzTarget.generatedSeeds(for: target) {
                try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
            }
        } catch {
            FileHandle.standardError.write(Data("cannot write seeds to \(folder): \(error)\n".utf8))
            exit(1)
        }
        exit(0)
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    FuzzTarget.selected.withLock { $0 }?.run(bytes)
    return 0
}
