/// The verifier for the static site's "verify in this browser" button: self-contained
/// JavaScript (no libraries; WebCrypto for ES256, `DecompressionStream('gzip')` for the status
/// list) that runs the same steps as `lantern cert verify`.
///
/// It defines `async function lanternVerify(credentialJWT, issuerJSONText, statusListJWT)`,
/// which resolves to `{verdict, steps: [{name, status, detail}]}` with `verdict` one of
/// `"valid"`, `"expired"`, `"revoked"`, `"suspended"`, `"invalid"` and each `status` one of
/// `"pass"`, `"fail"`, `"warn"`. It never throws; `statusListJWT` may be null (a warning).
public enum BrowserVerifier {
    public static let script: String = #"""
"use strict";
async function lanternVerify(credentialJWT, issuerJSONText, statusListJWT) {
  const VC2 = "https://www.w3.org/ns/credentials/v2";
  const OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context";
  const steps = [];
  const step = (name, status, detail) => { steps.push({ name, status, detail }); return status; };
  const strings = (v) => typeof v === "string" ? [v] : Array.isArray(v) && v.every((x) => typeof x === "string") ? v : [];
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const b64 = (text) => {
    if (typeof text !== "string" || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error("not base64url");
    const s = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  };
  const json = (bytes) => JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  const parseJWS = (text) => {
    const parts = String(text).trim().split(".");
    if (parts.length !== 3) throw new Error("not a compact JWS: expected 3 dot-separated parts");
    const header = json(b64(parts[0]));
    const payload = json(b64(parts[1]));
    if (!isObject(header) || !isObject(payload)) throw new Error("the JWS header and payload must be JSON objects");
    return { header, payload, input: new TextEncoder().encode(parts[0] + "." + parts[1]), signature: b64(parts[2]) };
  };
  const dateOf = (text) => typeof text === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|z|[+-]\d\d:\d\d)$/.test(text) ? Date.parse(text) : NaN;
  const verifyES256 = async (jws, jwk) => {
    if (jws.signature.length !== 64) return false;
    const key = await crypto.subtle.importKey("jwk", { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y, ext: true },
      { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    return crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, jws.signature, jws.input);
  };
  const algorithmProblem = (alg) => {
    if (alg === "ES256") return null;
    if (typeof alg !== "string") return "the JWS header has no 'alg'";
    if (alg.toLowerCase() === "none") return "algorithm refused: an unsigned token ('alg: none') is never accepted; only ES256 is accepted";
    if (alg.startsWith("HS")) return "algorithm refused: " + alg + " is a shared-secret algorithm; only ES256 is accepted";
    return "algorithm refused: " + alg + " is not allowed; only ES256 is accepted";
  };
  let hard = false;
  let statusVerdict = null;
  let windowVerdict = null;

  // 1. Parse.
  let jws, credential;
  try {
    jws = parseJWS(credentialJWT);
    credential = Object.assign({}, jws.payload);
    for (const claim of ["iss", "jti", "nbf", "exp", "sub", "iat"]) delete credential[claim];
    if (isObject(credential.vc)) credential = credential.vc;
    step("parse", "pass", "compact JWS (VC-JWT), payload is the credential");
  } catch (error) {
    step("parse", "fail", String(error && error.message || error));
    return { verdict: "invalid", steps };
  }

  // 2. Structure.
  const problems = [];
  const contexts = strings(credential["@context"]);
  if (contexts[0] !== VC2) problems.push("the first @context must be " + VC2);
  if (!contexts.some((c) => c.startsWith(OB3))) problems.push("no Open Badges 3.0 @context");
  const types = strings(credential.type);
  if (!types.includes("VerifiableCredential")) problems.push("type lacks VerifiableCredential");
  if (!types.includes("OpenBadgeCredential") && !types.includes("AchievementCredential")) problems.push("type lacks OpenBadgeCredential or AchievementCredential");
  if (typeof credential.id !== "string") problems.push("no id");
  const issuerID = typeof credential.issuer === "string" ? credential.issuer : isObject(credential.issuer) ? credential.issuer.id : undefined;
  if (typeof issuerID !== "string") problems.push("no issuer id");
  if (isNaN(dateOf(credential.validFrom))) problems.push("validFrom is missing or has no time zone");
  if (credential.validUntil !== undefined && isNaN(dateOf(credential.validUntil))) problems.push("validUntil is not a date-time with a time zone");
  const subject = credential.credentialSubject;
  if (!isObject(subject) || !strings(subject.type).includes("AchievementSubject")) problems.push("credentialSubject type lacks AchievementSubject");
  else if (!isObject(subject.achievement) || typeof subject.achievement.name !== "string") problems.push("credentialSubject has no achievement");
  const claims = jws.payload;
  if (claims.iss !== undefined && claims.iss !== issuerID) problems.push("JWT iss differs from the credential's issuer");
  if (claims.jti !== undefined && claims.jti !== credential.id) problems.push("JWT jti differs from the credential's id");
  if (claims.nbf !== undefined && claims.nbf !== Math.floor(dateOf(credential.validFrom) / 1000)) problems.push("JWT nbf differs from validFrom");
  if (claims.exp !== undefined && claims.exp !== Math.floor(dateOf(credential.validUntil) / 1000)) problems.push("JWT exp differs from validUntil");
  if (problems.length) { hard = true; step("structure", "fail", problems.join("; ")); }
  else step("structure", "pass", "VC 2.0 and Open Badges 3.0 contexts, types and required members; dates with time zones");

  // 3. Issuer.
  let profile = null;
  const keys = new Map();
  try {
    profile = JSON.parse(issuerJSONText);
    for (const method of Array.isArray(profile.verificationMethod) ? profile.verificationMethod : []) {
      if (isObject(method) && typeof method.id === "string" && method.controller === profile.id && isObject(method.publicKeyJwk)
          && method.publicKeyJwk.kty === "EC" && method.publicKeyJwk.crv === "P-256" && method.publicKeyJwk.d === undefined) {
        keys.set(method.id, method.publicKeyJwk);
      }
    }
  } catch (error) {
    profile = null;
  }
  let key = null;
  if (!isObject(profile) || typeof profile.id !== "string") { hard = true; step("issuer", "fail", "the issuer profile cannot be read"); }
  else if (issuerID !== profile.id) { hard = true; step("issuer", "fail", "the credential names issuer " + issuerID + " but the profile is " + profile.id); }
  else if (typeof jws.header.kid !== "string") { hard = true; step("issuer", "fail", "the JWS header has no 'kid'"); }
  else if (!keys.has(jws.header.kid)) { hard = true; step("issuer", "fail", "unknown key: kid " + jws.header.kid + " is not in the issuer profile"); }
  else { key = keys.get(jws.header.kid); step("issuer", "pass", "key " + jws.header.kid + " is listed in the issuer profile and controlled by the issuer"); }

  // 4. Signature.
  const algProblem = algorithmProblem(jws.header.alg);
  if (algProblem) { hard = true; step("signature", "fail", algProblem); }
  else if (jws.header.crit !== undefined) { hard = true; step("signature", "fail", "the JWS header has critical extensions this verifier does not know"); }
  else if (!key) { hard = true; step("signature", "fail", "not checked: the signing key could not be resolved"); }
  else {
    let ok = false;
    try { ok = await verifyES256(jws, key); } catch (error) { ok = false; }
    if (ok) step("signature", "pass", "ES256 signature verifies");
    else { hard = true; step("signature", "fail", "ES256 signature does not verify: the credential was altered or signed with another key"); }
  }

  // 5. Status.
  const entry = credential.credentialStatus;
  if (entry === undefined) step("status", "pass", "the credential has no status entry (it cannot be revoked)");
  else if (!isObject(entry) || entry.type !== "BitstringStatusListEntry") step("status", "warn", "not checked: unsupported status type");
  else if (statusListJWT === null || statusListJWT === undefined || statusListJWT === "") step("status", "warn", "not checked: no status list given");
  else {
    const index = Number(entry.statusListIndex);
    const size = entry.statusSize === undefined ? 1 : Number(entry.statusSize);
    const purpose = entry.statusPurpose;
    const fail = (detail) => { hard = true; step("status", "fail", "status unknown: " + detail); };
    try {
      const list = parseJWS(statusListJWT);
      const listKey = keys.get(list.header.kid);
      const listIssuer = typeof list.payload.issuer === "string" ? list.payload.issuer : isObject(list.payload.issuer) ? list.payload.issuer.id : undefined;
      const listSubject = list.payload.credentialSubject;
      if (list.header.alg !== "ES256") fail("the status list is not signed with ES256");
      else if (!listKey) fail("the status list is signed with a key the issuer profile does not list");
      else if (!(await verifyES256(list, listKey))) fail("the status list's signature does not verify");
      else if (!strings(list.payload.type).includes("BitstringStatusListCredential") || !isObject(listSubject) || typeof listSubject.encodedList !== "string") fail("the status list is not a BitstringStatusListCredential");
      else if (listIssuer !== profile.id) fail("the status list was issued by someone else");
      else if (list.payload.id !== entry.statusListCredential) fail("the status list given is " + list.payload.id + ", but the credential uses " + entry.statusListCredential);
      else if (!strings(listSubject.statusPurpose).includes(purpose)) fail("the status list's purpose does not match the entry's");
      else if (!Number.isInteger(index) || index < 0 || !Number.isInteger(size) || size < 1 || size > 8) fail("the status entry's index or size is invalid");
      else if (!listSubject.encodedList.startsWith("u")) fail("encodedList is not multibase base64url");
      else {
        const compressed = b64(listSubject.encodedList.slice(1));
        const stream = new Blob([compressed]).stream().pipeThrough(new DecompressionStream("gzip"));
        const bits = new Uint8Array(await new Response(stream).arrayBuffer());
        if ((index + 1) * size > bits.length * 8) fail("index " + index + " is outside the status list");
        else {
          let value = 0;
          for (let bit = index * size; bit < (index + 1) * size; bit++) value = (value << 1) | ((bits[bit >> 3] >> (7 - (bit & 7))) & 1);
          let message;
          if (purpose === "revocation") message = value ? "revoked" : "valid";
          else if (purpose === "suspension") message = value ? "suspended" : "valid";
          else {
            const hex = "0x" + value.toString(16);
            const found = (Array.isArray(entry.statusMessage) ? entry.statusMessage : []).find((m) => isObject(m) && String(m.status).toLowerCase() === hex);
            message = found ? found.message : value === 0 ? "valid" : "status " + hex;
          }
          if (message === "valid") step("status", "pass", "not revoked or suspended (signed status list, index " + index + ")");
          else if (message === "revoked") { statusVerdict = "revoked"; step("status", "fail", "revoked (signed status list, index " + index + ")"); }
          else if (message === "suspended") { statusVerdict = "suspended"; step("status", "fail", "suspended (signed status list, index " + index + ")"); }
          else step("status", "warn", "status list says '" + message + "'");
        }
      }
    } catch (error) {
      fail("the status list cannot be read: " + String(error && error.message || error));
    }
  }

  // 6. Validity window.
  const now = Date.now();
  const from = dateOf(credential.validFrom);
  const until = credential.validUntil === undefined ? NaN : dateOf(credential.validUntil);
  if (!isNaN(from) && from > now) { windowVerdict = "invalid"; step("validity", "fail", "not yet valid: valid from " + credential.validFrom); }
  else if (!isNaN(until) && until <= now) { windowVerdict = "expired"; step("validity", "fail", "expired on " + credential.validUntil); }
  else if (isNaN(from)) { hard = true; step("validity", "fail", "no valid start date"); }
  else step("validity", "pass", "valid from " + credential.validFrom + (credential.validUntil ? " until " + credential.validUntil : ", no expiry"));

  const verdict = hard ? "invalid" : statusVerdict || windowVerdict || "valid";
  return { verdict, steps };
}
"""#
}
