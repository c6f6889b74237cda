import Foundation

/// A printable certificate (one page on A4 and on US Letter) with its verification address.
/// Holds only what the public page may show: no grades, evidence or email.
public enum CertificateHTML {
    public static func render(_ credential: PublishableCredential, holderName: String?, verificationURL: String,
                              statement: String?, linkedInURL: String?) -> String {
        func esc(_ text: String) -> String {
            var out = ""
            for character in text {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.append(character)
                }
            }
            return out
        }
        let name = holderName.map { "<p class=\"holder\">\(esc($0))</p>" } ?? ""
        let statusNote = credential.status == .active ? "" : "<p class=\"status\">Status: \(esc(credential.status.rawValue))</p>"
        let until = credential.validUntil.map { "<div><dt>Valid until</dt><dd>\(esc($0))</dd></div>" } ?? ""
        let statementHTML = statement.map { "<p class=\"statement\">\(esc($0))</p>" } ?? ""
        let linkedIn = linkedInURL.map { "<p class=\"noprint\"><a href=\"\(esc($0))\">Add to LinkedIn profile</a></p>" } ?? ""
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(esc(credential.achievementName)) — \(esc(credential.issuerName))</title>
        <style>
        /* One page on both A4 (210×297 mm) and US Letter (216×279 mm): the content box fits the smaller of each side. */
        @page { margin: 12mm; }
        html { font-family: Georgia, "Times New Roman", serif; color: #1d1d1f; }
        body { margin: 0; }
        .sheet { box-sizing: border-box; width: 186mm; min-height: 240mm; margin: 0 auto; padding: 18mm 16mm;
                 border: 2.5mm double #2f4f6f; text-align: center; display: flex; flex-direction: column; justify-content: space-between; }
        h1 { font-size: 24pt; margin: 0 0 6mm; letter-spacing: .02em; }
        .issuer { font-size: 14pt; margin: 0; }
        .holder { font-size: 22pt; margin: 10mm 0 2mm; font-style: italic; }
        .lead { font-size: 12pt; margin: 8mm 0 2mm; }
        dl { display: flex; justify-content: center; gap: 14mm; margin: 10mm 0; font-size: 11pt; }
        dt { font-weight: bold; } dd { margin: 0; }
        .statement { font-size: 9.5pt; color: #444; margin: 6mm 8mm; }
        .verify { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; word-break: break-all; }
        .status { font-size: 14pt; color: #a40000; font-weight: bold; }
        @media print { .noprint { display: none; } .sheet { border-color: #000; } }
        </style>
        </head>
        <body>
        <main class="sheet">
        <header>
        <p class="issuer">\(esc(credential.issuerName))</p>
        <p class="lead">certifies that</p>
        \(name.isEmpty ? "<p class=\"holder\">the holder of this credential</p>" : name)
        <p class="lead">has completed the requirements of</p>
        <h1>\(esc(credential.achievementName))</h1>
        \(statusNote)
        </header>
        <dl>
        <div><dt>Credential</dt><dd>\(esc(credential.id))</dd></div>
        <div><dt>Issued</dt><dd>\(esc(credential.issuedOn))</dd></div>
        \(until)
        </dl>
        \(statementHTML)
        <footer>
        <p>Verify this certificate at</p>
        <p class="verify"><a href="\(esc(verificationURL))">\(esc(verificationURL))</a></p>
        <p style="font-size:9pt">Open Badges 3.0 credential, signed with ES256. Anyone can check it offline with the issuer's published keys.</p>
        \(linkedIn)
        </footer>
        </main>
        </body>
        </html>

        """
    }
}
