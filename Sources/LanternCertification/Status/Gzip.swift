import CZlib
import LanternDiagnostics

/// GZIP (RFC 1952) through the system zlib, for Bitstring Status Lists.
public enum Gzip {
    /// Decompressed lists larger than this are refused (a status list is kilobytes; a bomb is not).
    public static let maximumInflatedSize = 16 * 1024 * 1024

    /// Compresses `input`; throws (never returns an empty or partial result) when zlib fails.
    /// `level` is for tests (an invalid level makes zlib refuse to start).
    public static func compress(_ input: [UInt8], level: Int32 = Z_BEST_COMPRESSION) throws(LanternError) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16: write a gzip header and trailer.
        guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw LanternError(.gzip, "cannot start GZIP compression of the status list")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        var input = input
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { return nil }
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        guard let produced, produced > 0 else { throw LanternError(.gzip, "GZIP compression of the status list failed") }
        return Array(output[0..<produced])
    }

    public static func decompress(_ input: [UInt8]) throws(LanternError) -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 32: accept gzip or zlib headers.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw LanternError(.gzip, "cannot start decompression")
        }
        defer { inflateEnd(&stream) }
        var input = input
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        let ok: Bool = input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            while true {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return outBuffer.count - Int(stream.avail_out)
                }
                result.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END { return true }
                if status != Z_OK || result.count > maximumInflatedSize { return false }
                if produced == 0 && stream.avail_in == 0 { return false }
            }
        }
        guard ok else { throw LanternError(.gzip, "the status list is not valid GZIP data (or is too large)") }
        return result
    }
}
