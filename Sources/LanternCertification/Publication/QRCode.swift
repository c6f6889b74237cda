import CQRencode
import LanternDiagnostics

/// A QR code of a verification address, encoded by the system's libqrencode (no hand-written
/// encoder), drawn as SVG squares so it prints sharp at any size.
public struct QRCode: Sendable, Hashable {
    /// Modules per side.
    public let size: Int
    /// Row-major, `true` for a dark module.
    public let modules: [Bool]

    /// Encodes `text` (8-bit mode, error correction level M: a crease or a stain still scans).
    public init(_ text: String) throws(LanternError) {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else {
            throw LanternError(.qrCode, "the address is too long for a QR code")
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    public subscript(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// An SVG drawing with a four-module quiet zone, `label` as its accessible name.
    public func svg(label: String) -> String {
        let side = size + 8
        var path = ""
        for row in 0..<size {
            for column in 0..<size where self[row, column] { path += "M\(column + 4) \(row + 4)h1v1h-1z" }
        }
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" role="img" aria-label="\(HTMLText.escape(label))" shape-rendering="crispEdges">\
        <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
        """
    }
}
