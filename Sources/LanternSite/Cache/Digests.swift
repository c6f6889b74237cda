import Crypto
import Foundation
import LanternDiagnostics
import LanternCurriculum
#if canImport(Glibc)
import Glibc
#endif

extension FileDigest {
    /// SHA-256 of some bytes.
    static func sha256(_ bytes: UnsafeRawBufferPointer) -> FileDigest {
        SHA256.hash(data: bytes).withUnsafeBytes { raw in
            FileDigest(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                       UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                       UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
                       UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
        }
    }

    static func sha256(_ bytes: [UInt8]) -> FileDigest {
        bytes.withUnsafeBytes { sha256($0) }
    }

    static let zero = FileDigest(0, 0, 0, 0)
}

/// Builds a key from typed values: each is written unambiguously (strings with their length),
/// then the whole is hashed once with SHA-256. Two keys are equal only when every value is.
struct KeyHasher {
    private var writer = CacheWriter(capacity: 256)

    init(_ purpose: String) {
        writer.string(purpose)
    }

    /// Starts again, keeping the memory.
    mutating func reset(_ purpose: String) {
        writer.removeAll()
        writer.string(purpose)
    }

    mutating func add(_ value: String) { writer.string(value) }
    mutating func add(_ value: Int) { writer.int(value) }
    mutating func add(_ value: Bool) { writer.bool(value) }
    mutating func add(_ value: FileDigest) { writer.digest(value) }

    mutating func add(_ values: [String]) {
        writer.strings(values)
    }

    var digest: FileDigest { FileDigest.sha256(writer.bytes) }
}

/// Which Lantern wrote a cache: the format version and the executable's identity (device,
/// inode, size, modification time), so a new or rebuilt Lantern never reuses an old one's pages.
enum ToolIdentity {
    /// Bump when the cache's content or meaning changes.
    static let formatVersion = 1

    /// nil when the executable cannot be identified (then nothing is cached).
    static let key: FileDigest? = {
        let found = (try? Platform.status(of: "/proc/self/exe")) ?? Bundle.main.executablePath.flatMap { try? Platform.status(of: $0) }
        guard let info = found else { return nil }
        var hasher = KeyHasher("lantern-tool")
        hasher.add(formatVersion)
        hasher.add(Int(truncatingIfNeeded: info.device))
        hasher.add(Int(truncatingIfNeeded: info.inode))
        hasher.add(Int(info.size))
        hasher.add(info.modified.seconds)
        hasher.add(info.modified.nanoseconds)
        return hasher.digest
    }()
}
