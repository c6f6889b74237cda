import LanternCurriculum

/// The build cache's byte format: LEB128 varints, length-prefixed UTF-8 strings, 32-byte
/// digests. Hand-written because the cache must load in a few milliseconds (about a thousand
/// entries), and every read is bounds-checked: a damaged file is reported, never trusted.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Empties the writer, keeping its memory.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A signed integer, zigzag-encoded.
    mutating func int(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func strings(_ values: [String]) {
        unsigned(UInt64(values.count))
        for value in values { string(value) }
    }

    mutating func digest(_ value: FileDigest) {
        for word in [value.words.0, value.words.1, value.words.2, value.words.3] {
            withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
        }
    }

    /// Raw bytes with their length in front.
    mutating func blob(_ value: ArraySlice<UInt8>) {
        unsigned(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func blob(_ value: [UInt8]) {
        blob(value[...])
    }

    /// Raw bytes, no length.
    mutating func raw(_ value: [UInt8]) {
        bytes.append(contentsOf: value)
    }

    /// Overwrites 8 bytes at `offset` (for a checksum written after the fact).
    mutating func patch(_ value: UInt64, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { source in
            for index in 0..<8 { bytes[offset + index] = source[index] }
        }
    }
}

/// A damaged cache: the reader ran past the end or found a value that cannot be.
struct CacheDamage: Error {}

/// Reads what `CacheWriter` wrote, within `range` of a buffer; every read checks its bounds.
struct CacheReader {
    let buffer: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    let end: Int

    init(_ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.buffer = buffer
        position = max(0, min(range.lowerBound, buffer.count))
        end = max(position, min(range.upperBound, buffer.count))
    }

    var isAtEnd: Bool { position >= end }

    mutating func unsigned() throws(CacheDamage) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end, shift < 64 else { throw CacheDamage() }
            let byte = buffer[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int() throws(CacheDamage) -> Int {
        let raw = try unsigned()
        let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        guard let result = Int(exactly: value) else { throw CacheDamage() }
        return result
    }

    /// A length or count: at most what is left, so a damaged count cannot ask for a huge array.
    mutating func count() throws(CacheDamage) -> Int {
        let value = try unsigned()
        guard value <= UInt64(end - position) else { throw CacheDamage() }
        return Int(value)
    }

    /// A range written as its two bounds (never a reversed or negative one).
    mutating func range() throws(CacheDamage) -> Range<Int> {
        let lower = try int()
        let upper = try int()
        guard lower >= 0, lower <= upper else { throw CacheDamage() }
        return lower..<upper
    }

    mutating func bool() throws(CacheDamage) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw CacheDamage()
        }
    }

    mutating func byte() throws(CacheDamage) -> UInt8 {
        guard position < end else { throw CacheDamage() }
        defer { position += 1 }
        return buffer[position]
    }

    /// A string. The checksum has vouched for the bytes; a damaged one could only become a
    /// wrong string (invalid UTF-8 is repaired), never a crash.
    mutating func string() throws(CacheDamage) -> String {
        let range = try span()
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
    }

    mutating func strings() throws(CacheDamage) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func digest() throws(CacheDamage) -> FileDigest {
        guard end - position >= 32 else { throw CacheDamage() }
        let raw = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[position..<(position + 32)]))
        position += 32
        return FileDigest(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                          UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                          UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
                          UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
    }

    /// The range of a length-prefixed run of bytes, skipped over.
    mutating func span() throws(CacheDamage) -> Range<Int> {
        let count = try count()
        defer { position += count }
        return position..<(position + count)
    }

    /// The range of the next `count` bytes, skipped over.
    mutating func fixed(_ count: Int) throws(CacheDamage) -> Range<Int> {
        guard count >= 0, end - position >= count else { throw CacheDamage() }
        defer { position += count }
        return position..<(position + count)
    }
}

/// A fast 64-bit checksum of the cache body, against damage (not against tampering: whoever
/// can write the cache can write the pages beside it). Four independent lanes of
/// multiply-rotate over 8-byte words, then the tail and the length.
enum CacheChecksum {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let prime1: UInt64 = 0x9E37_79B9_7F4A_7C15
        let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (prime1, prime2, ~prime1, ~prime2)
        let raw = UnsafeRawBufferPointer(bytes)
        let count = raw.count
        var offset = 0
        @inline(__always) func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (lane ^ word) &* prime1
            return (mixed << 31 | mixed >> 33) &* prime2
        }
        while offset + 32 <= count {
            lanes.0 = mix(lanes.0, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = mix(lanes.1, raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        var result = mix(mix(mix(mix(UInt64(count), lanes.0), lanes.1), lanes.2), lanes.3)
        while offset < count {
            result = mix(result, UInt64(raw[offset]))
            offset += 1
        }
        return result ^ (result >> 29)
    }
}
