import LanternDiagnostics
import Foundation

/// What a printed certificate shows: nothing beyond what the public page may show, plus the
/// holder's name (the printed copy is the holder's own). No grades, evidence or email.
public struct PrintableCertificate: Sendable, Hashable {
    public var organisationName: String
    /// The logo as a `data:` URI (read from the workspace under the no-symlink rule), if set.
    public var logoDataURI: String?
    public var signatoryName: String?
    public var signatoryTitle: String?
    /// The holder's full legal name by default (see ``HolderName``).
    public var holderName: String?
    public var achievementName: String
    public var achievementDescription: String?
    public var credentialID: String
    public var issuedOn: String
    public var validUntil: String?
    public var verificationURL: String
    public var statement: String?
    /// Only active or expired: revoked and suspended certificates are not printed.
    public var status: PublishableCredential.Status
    public var linkedInURL: String?

    public init(organisationName: String, logoDataURI: String? = nil, signatoryName: String? = nil, signatoryTitle: String? = nil,
                holderName: String?, achievementName: String, achievementDescription: String? = nil, credentialID: String,
                issuedOn: String, validUntil: String?, verificationURL: String, statement: String? = nil,
                status: PublishableCredential.Status = .active, linkedInURL: String? = nil) {
        self.organisationName = organisationName
        self.logoDataURI = logoDataURI
        self.signatoryName = signatoryName
        self.signatoryTitle = signatoryTitle
        self.holderName = holderName
        self.achievementName = achievementName
        self.achievementDescription = achievementDescription
        self.credentialID = credentialID
        self.issuedOn = issuedOn
        self.validUntil = validUntil
        self.verificationURL = verificationURL
        self.statement = statement
        self.status = status
        self.linkedInURL = linkedInURL
    }
}

/// Which of a trainee's names a printed certificate carries. The full legal name unless the
/// holder chose otherwise (a per-trainee `print_name` setting: legal or preferred).
public enum HolderName: String, Sendable, CaseIterable {
    case legal, preferred

    /// The name to print: `legal` falls back to the preferred name only when no legal name is
    /// recorded; `preferred` falls back to the legal name.
    public func pick(legal: String?, preferred: String?) -> String? {
        func clean(_ name: String?) -> String? {
            guard let name = name?.trimmingCharacters(in: " \t\r\n"), !name.isEmpty else { return nil }
            return name
        }
        switch self {
        case .legal: return clean(legal) ?? clean(preferred)
        case .preferred: return clean(preferred) ?? clean(legal)
        }
    }
}

/// A printable certificate worth framing: landscape, one page on both A4 and US Letter, with
/// the organisation's logo and name, the holder's name, a signature line with the signatory's
/// name and title, the issue and expiry dates, and the verification address as text and as a
/// QR code. An expired certificate is printed with an "Expired" band across it.
public enum CertificateHTML {
    public static func render(_ certificate: PrintableCertificate) throws -> String {
        let esc: (String) -> String = { HTMLText.escape($0) }
        let qr = try QRCode(certificate.verificationURL).svg(label: "QR code of the verification address " + certificate.verificationURL)
        let logo = certificate.logoDataURI.map { "<img class=\"logo\" src=\"\(esc($0))\" alt=\"\(esc(certificate.organisationName)) logo\">" } ?? ""
        let holder = certificate.holderName.map(esc) ?? "the holder of this credential"
        let description = certificate.achievementDescription.map { "<p class=\"description\">\(esc($0))</p>" } ?? ""
        let until = certificate.validUntil.map { "<div><dt>Valid until</dt><dd>\(esc($0))</dd></div>" } ?? ""
        let statement = certificate.statement.map { "<p class=\"statement\">\(esc($0))</p>" } ?? ""
        let signatory = certificate.signatoryName.map { name in
            "<p class=\"signatory\">\(esc(name))</p>" + (certificate.signatoryTitle.map { "<p class=\"signatory-title\">\(esc($0))</p>" } ?? "")
        } ?? "<p class=\"signatory-title\">For \(esc(certificate.organisationName))</p>"
        let expired = certificate.status == .expired
            ? "<p class=\"expired\" role=\"note\">Expired\(certificate.validUntil.map { " on " + esc($0) } ?? "")</p>" : ""
        let linkedIn = certificate.status == .active
            ? certificate.linkedInURL.map { "<p class=\"noprint\"><a href=\"\(esc($0))\">Add to LinkedIn profile</a></p>" } ?? "" : ""
        let initials = String(certificate.organisationName.split(separator: " ").compactMap(\.first).prefix(3)).uppercased()
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(esc(certificate.achievementName)) — \(esc(certificate.organisationName))</title>
        <style>
        /* Landscape, one page on A4 (297×210 mm) and US Letter (279×216 mm): the sheet is the
           smaller of each side less the margins, so either paper prints it whole. */
        @page { size: landscape; margin: 8mm; }
        :root { --ink: #1d2733; --accent: #7a5a1e; --frame: #2f4f6f; }
        html { font-family: "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "Times New Roman", serif; color: var(--ink); }
        body { margin: 0; background: #f4f1ea; }
        .sheet { position: relative; box-sizing: border-box; width: 263mm; height: 190mm; margin: 8mm auto; padding: 11mm 16mm 9mm;
                 background: #fffdf8; border: 1.2mm solid var(--frame); outline: 0.4mm solid var(--accent); outline-offset: -3.2mm;
                 display: grid; grid-template-rows: auto 1fr auto; text-align: center; overflow: hidden; }
        .sheet::before { content: ""; position: absolute; inset: 5mm; border: 0.25mm solid var(--accent); pointer-events: none; }
        header { display: flex; flex-direction: column; align-items: center; gap: 2mm; }
        .logo { max-height: 20mm; max-width: 60mm; object-fit: contain; }
        .organisation { font-size: 13pt; letter-spacing: .18em; text-transform: uppercase; margin: 0; }
        h1 { font-size: 30pt; font-weight: normal; letter-spacing: .06em; margin: 3mm 0 0; color: var(--frame); }
        .body { display: flex; flex-direction: column; justify-content: center; }
        .lead { font-size: 12pt; font-style: italic; margin: 2mm 0; }
        .holder { font-size: 28pt; margin: 2mm auto 1mm; padding: 0 12mm 1mm; border-bottom: 0.3mm solid var(--accent); display: inline-block; }
        .achievement { font-size: 19pt; margin: 2mm 0 0; }
        .description { font-size: 10pt; max-width: 190mm; margin: 2mm auto 0; color: #3b4450; }
        .statement { font-size: 9pt; max-width: 190mm; margin: 2mm auto 0; color: #4a5360; }
        dl { display: flex; justify-content: center; gap: 12mm; margin: 4mm 0 0; font-size: 10.5pt; }
        dt { font-variant: small-caps; letter-spacing: .05em; color: #4a5360; } dd { margin: 0; font-weight: bold; }
        footer { display: grid; grid-template-columns: 1fr auto 1fr; align-items: end; gap: 8mm; text-align: left; }
        .signature { align-self: end; }
        .signature-line { border-top: 0.3mm solid var(--ink); width: 70mm; margin-top: 14mm; }
        .signatory { margin: 1mm 0 0; font-size: 11pt; } .signatory-title { margin: 0; font-size: 9.5pt; color: #4a5360; }
        .seal { width: 27mm; height: 27mm; }
        .verify { display: flex; gap: 3mm; align-items: end; justify-content: end; text-align: right; }
        .verify svg { width: 27mm; height: 27mm; flex: none; }
        .verify p { margin: 0; font-size: 8pt; max-width: 58mm; }
        .url { font-family: "DejaVu Sans Mono", Menlo, monospace; word-break: break-all; font-size: 7.5pt; }
        .noprint { text-align: center; font-family: sans-serif; margin: 0 0 8mm; }
        .expired { position: absolute; top: 45%; left: -20mm; right: -20mm; transform: rotate(-12deg); margin: 0; padding: 2mm 0;
                   font: bold 26pt sans-serif; letter-spacing: .3em; text-transform: uppercase; color: #a40000;
                   border-top: 1mm solid #a40000; border-bottom: 1mm solid #a40000; background: rgba(255,255,255,.75); }
        @media print { body { background: none; } .sheet { margin: 0 auto; } .noprint { display: none; }
                       * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        </style>
        </head>
        <body>
        <main class="sheet">
        <header>
        \(logo)
        <p class="organisation">\(esc(certificate.organisationName))</p>
        <h1>Certificate of Completion</h1>
        </header>
        <div class="body">
        <p class="lead">This certifies that</p>
        <p><span class="holder">\(holder)</span></p>
        <p class="lead">has met every requirement of</p>
        <p class="achievement">\(esc(certificate.achievementName))</p>
        \(description)
        <dl>
        <div><dt>Issued</dt><dd>\(esc(certificate.issuedOn))</dd></div>
        \(until)
        <div><dt>Certificate</dt><dd>\(esc(certificate.credentialID))</dd></div>
        </dl>
        \(statement)
        </div>
        <footer>
        <div class="signature">
        <div class="signature-line"></div>
        \(signatory)
        </div>
        <svg class="seal" viewBox="0 0 100 100" role="img" aria-label="Seal of \(esc(certificate.organisationName))">
        <circle cx="50" cy="50" r="47" fill="none" stroke="#7a5a1e" stroke-width="2"/>
        <circle cx="50" cy="50" r="40" fill="none" stroke="#7a5a1e" stroke-width="0.8" stroke-dasharray="2 2"/>
        <text x="50" y="47" text-anchor="middle" font-size="18" font-family="Georgia, serif" fill="#2f4f6f">\(esc(initials))</text>
        <text x="50" y="62" text-anchor="middle" font-size="6.5" font-family="Georgia, serif" fill="#7a5a1e" letter-spacing="0.6">VERIFIABLE</text>
        <text x="50" y="70" text-anchor="middle" font-size="6.5" font-family="Georgia, serif" fill="#7a5a1e" letter-spacing="0.6">CREDENTIAL</text>
        </svg>
        <div class="verify">
        <div><p>Check this certificate: scan the code or visit</p>
        <p class="url">\(esc(certificate.verificationURL))</p>
        <p>Open Badges 3.0, signed by the issuer (ES256).</p></div>
        \(qr)
        </div>
        </footer>
        \(expired)
        </main>
        \(linkedIn)
        </body>
        </html>

        """
    }
}
