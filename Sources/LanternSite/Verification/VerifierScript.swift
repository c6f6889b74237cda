/// The browser verifier used until the certification layer provides the real one.
public enum VerifierScript {
    /// Defines `lanternVerify` with the real signature; it verifies nothing and says so
    /// (verdict `invalid`, one failed step), so a page never claims a certificate is valid.
    public static let placeholder = """
    "use strict";
    async function lanternVerify(credentialText, issuerJSONText, statusListJWT, jwksText, options) {
      return {
        verdict: "invalid",
        steps: [{ name: "Verifier", status: "fail",
                  detail: "This site was built without the browser verifier, so nothing was checked." }]
      };
    }

    """
}
