/// The verifier for the static site's "verify in this browser" box: self-contained JavaScript
/// (no libraries; WebCrypto for ES256 and SHA-256, `DecompressionStream('gzip')` for the status
/// list) that runs the same steps, with the same rules, as `lantern cert verify`.
///
/// It defines
/// `async function lanternVerify(credentialText, issuerJSONText, statusListJWT, jwksText, options)`,
/// which resolves to `{verdict, steps: [{name, status, detail}], failingStep, toDo, legacy,
/// credential}` with `verdict` one of `"valid"`, `"expired"`, `"not-yet-valid"`, `"revoked"`,
/// `"suspended"`, `"invalid"`, `"unverifiable"` or `"cannot-check"` (the CLI's verdicts).
/// Any of the issuer profile, status list and key set may be null (not fetched): the verdict is
/// then *cannot check* unless the credential is not valid for another reason. `options.now`
/// (milliseconds) replaces the clock, as the CLI's `--at` does. It never throws.
///
/// It also defines `async function lanternCheckHolder(credential, email)` (the CLI's `--email`
/// rule) and `lanternStrictJSON(text)`, a JSON parser with the CLI's rules: duplicate member
/// names, depth over 64, control characters and lone surrogates are refused. Hand-written
/// because `JSON.parse` silently keeps the last duplicate, which would let one crafted
/// credential get two verdicts.
public enum BrowserVerifier {
    public static let script: String = #"""
"use strict";
// Lantern's browser verifier: the same steps and verdicts as `lantern cert verify`, with no
// library. WebCrypto checks ES256, DecompressionStream reads the status list. JSON is parsed
// by a strict parser (below) rather than JSON.parse, because JSON.parse keeps the last of two
// members with one name while the CLI refuses such a document: a crafted credential must get
// the same verdict in both. Base64url is decoded canonically for the same reason.
const lanternStrictJSON = (() => {
  const MAX_DEPTH = 64;
  return function parse(text) {
    let i = 0;
    const fail = (message) => { throw new Error("invalid JSON: " + message); };
    const ws = () => { while (i < text.length) { const c = text.charCodeAt(i); if (c === 0x20 || c === 0x0A || c === 0x0D || c === 0x09) i++; else break; } };
    const value = (depth) => {
      if (depth >= MAX_DEPTH) fail("nested more than " + MAX_DEPTH + " levels deep");
      if (i >= text.length) fail("unexpected end of input");
      const c = text[i];
      if (c === "{") return object(depth);
      if (c === "[") return array(depth);
      if (c === "\"") return string();
      if (c === "-" || (c >= "0" && c <= "9")) return number();
      for (const [word, result] of [["true", true], ["false", false], ["null", null]]) {
        if (text.startsWith(word, i)) { i += word.length; return result; }
        if (c === word[0]) fail("expected '" + word + "'");
      }
      fail("unexpected character");
    };
    const object = (depth) => {
      i++;
      const out = Object.create(null);
      const seen = new Set();
      ws();
      if (text[i] === "}") { i++; return out; }
      for (;;) {
        ws();
        if (text[i] !== "\"") fail("expected a member name in quotes");
        const key = string();
        if (seen.has(key)) fail("member '" + key + "' appears twice");
        seen.add(key);
        ws();
        if (text[i] !== ":") fail("expected ':'");
        i++;
        ws();
        const v = value(depth + 1);
        Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (i >= text.length) fail("unexpected end of input in an object");
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "}") { i++; return out; }
        fail("expected ',' or '}'");
      }
    };
    const array = (depth) => {
      i++;
      const out = [];
      ws();
      if (text[i] === "]") { i++; return out; }
      for (;;) {
        ws();
        out.push(value(depth + 1));
        ws();
        if (i >= text.length) fail("unexpected end of input in an array");
        if (text[i] === ",") { i++; continue; }
        if (text[i] === "]") { i++; return out; }
        fail("expected ',' or ']'");
      }
    };
    const number = () => {
      const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
      if (!m || (m[0] === "-")) fail("invalid number");
      const next = text[i + m[0].length];
      if (next === "." || next === "e" || next === "E") fail("invalid number");
      i += m[0].length;
      return Number(m[0]);
    };
    const string = () => {
      i++;
      let out = "";
      for (;;) {
        if (i >= text.length) fail("unterminated string");
        const code = text.charCodeAt(i);
        if (code === 0x22) { i++; return out; }
        if (code < 0x20) fail("control character in a string");
        if (code === 0x5C) {
          i++;
          if (i >= text.length) fail("unterminated string");
          const e = text[i++];
          const simple = { "\"": "\"", "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
          if (Object.prototype.hasOwnProperty.call(simple, e)) { out += simple[e]; continue; }
          if (e !== "u") fail("invalid escape in a string");
          const hex4 = () => { const h = text.slice(i, i + 4); if (!/^[0-9A-Fa-f]{4}$/.test(h)) fail("invalid \\u escape"); i += 4; return parseInt(h, 16); };
          const unit = hex4();
          if (unit >= 0xD800 && unit <= 0xDBFF) {
            if (text[i] !== "\\" || text[i + 1] !== "u") fail("unpaired surrogate in a string");
            i += 2;
            const low = hex4();
            if (low < 0xDC00 || low > 0xDFFF) fail("unpaired surrogate in a string");
            out += String.fromCharCode(unit, low);
          } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            fail("unpaired surrogate in a string");
          } else {
            out += String.fromCharCode(unit);
          }
          continue;
        }
        out += text[i++];
      }
    };
    ws();
    const result = value(0);
    ws();
    if (i !== text.length) fail("unexpected text after the JSON value");
    return result;
  };
})();

async function lanternVerify(credentialText, issuerJSONText, statusListText, jwksText, options) {
  const opts = options || {};
  const VC2 = "https://www.w3.org/ns/credentials/v2";
  const OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context";
  const OB3_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
  const SCHEMA_TYPE = "1EdTechJsonSchemaValidator2019";
  const steps = [];
  const toDo = [];
  const legacy = [];
  const step = (name, status, detail) => { steps.push({ name, status, detail }); return status; };
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const get = (v, key) => isObject(v) && Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
  const str = (v) => typeof v === "string" ? v : undefined;
  // A string, or every string of an array of strings; otherwise undefined (as the CLI's stringsValue).
  const strings = (v) => typeof v === "string" ? [v] : Array.isArray(v) && v.every((x) => typeof x === "string") ? v : undefined;
  const wholeSeconds = (v) => typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 9e15 ? v : undefined;
  const b64 = (text) => {
    if (typeof text !== "string" || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new Error("not base64url");
    const s = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4));
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    // Canonical only: the unused low bits of the last character must be zero, as the CLI requires.
    const rest = text.length % 4;
    if (rest) {
      const last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(text[text.length - 1]);
      if (last & (rest === 2 ? 0x0F : 0x03)) throw new Error("not base64url");
    }
    return out;
  };
  const utf8 = (bytes, where) => {
    try { return new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch (e) { throw new Error(where + ": invalid JSON: not valid UTF-8"); }
  };
  const parseJSON = (text, where) => {
    try { return lanternStrictJSON(text); } catch (e) { throw new Error(where + ": " + e.message); }
  };
  const trimmed = (text) => {
    let a = 0, b = text.length;
    const space = (c) => c === " " || c === "\t" || c === "\r" || c === "\n";
    while (a < b && space(text[a])) a++;
    while (b > a && space(text[b - 1])) b--;
    return text.slice(a, b);
  };
  const parseJWS = (text) => {
    const parts = text.split(".");
    if (parts.length !== 3) throw new Error("not a compact JWS: expected 3 dot-separated parts, found " + parts.length);
    let headerBytes, payloadBytes, signature;
    try { headerBytes = b64(parts[0]); } catch (e) { throw new Error("the JWS header is not base64url"); }
    try { payloadBytes = b64(parts[1]); } catch (e) { throw new Error("the JWS payload is not base64url"); }
    try { signature = b64(parts[2]); } catch (e) { throw new Error("the JWS signature is not base64url"); }
    const header = parseJSON(utf8(headerBytes, "JWS header"), "JWS header");
    if (!isObject(header)) throw new Error("the JWS header is not a JSON object");
    const payload = parseJSON(utf8(payloadBytes, "JWS payload"), "JWS payload");
    return { header, payload, input: new TextEncoder().encode(parts[0] + "." + parts[1]), signature };
  };
  // yyyy-mm-ddThh:mm:ss[.f](Z|±hh:mm) as milliseconds, the CLI's rules; NaN when not one.
  const dateOf = (text) => {
    if (typeof text !== "string") return NaN;
    const m = /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(\.\d+)?(?:([Zz])|([+-])(\d\d):(\d\d))$/.exec(text);
    if (!m) return NaN;
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    if (!(month >= 1 && month <= 12) || day < 1 || day > days || hour >= 24 || minute >= 60 || second >= 61) return NaN;
    let offset = 0;
    if (m[9]) {
      const h = Number(m[10]), mi = Number(m[11]);
      if (h >= 24 || mi >= 60) return NaN;
      offset = (m[9] === "-" ? -1 : 1) * (h * 3600 + mi * 60);
    }
    const base = Date.UTC(year, month - 1, day) / 1000;
    const fraction = m[7] ? Number("0" + m[7]) : 0;
    return (base + hour * 3600 + minute * 60 + second - offset + fraction) * 1000;
  };
  const verifyES256 = async (jws, jwk) => {
    if (jws.signature.length !== 64) return false;
    const key = await crypto.subtle.importKey("jwk", { kty: "EC", crv: "P-256", x: jwk.x, y: jwk.y, ext: true },
      { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    return crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, jws.signature, jws.input);
  };
  const sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const b64encode = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  // RFC 7638 thumbprint of a P-256 key with 32-byte x and y; undefined for anything else.
  const thumbprint = async (jwk) => {
    if (!isObject(jwk) || jwk.kty !== "EC" || jwk.crv !== "P-256" || get(jwk, "d") !== undefined) return undefined;
    try { if (b64(jwk.x).length !== 32 || b64(jwk.y).length !== 32) return undefined; } catch (e) { return undefined; }
    return b64encode(await sha256(new TextEncoder().encode('{"crv":"P-256","kty":"EC","x":"' + jwk.x + '","y":"' + jwk.y + '"}')));
  };
  // A JWK set as the CLI reads it (IssuerProfile.keySet): keys whose kid is <jwks>#<own
  // thumbprint>, each retired one with its date (a `retired` that is not a date-time leaves
  // the key out); revoked keys from `revoked`, never usable even when `keys` lists them.
  const readKeySet = async (text, jwksURL) => {
    const set = parseJSON(String(text), "jwks.json");
    if (!Array.isArray(get(set, "keys"))) throw new Error("jwks.json has no 'keys' list");
    const keys = new Map(), retired = new Map(), revoked = new Map();
    for (const entry of Array.isArray(get(set, "revoked")) ? set.revoked : []) {
      const kid = str(get(entry, "kid"));
      if (kid !== undefined && kid.startsWith(jwksURL + "#")) revoked.set(kid.slice(jwksURL.length + 1), str(get(entry, "revoked")));
    }
    for (const entry of set.keys) {
      const t = await thumbprint(entry);
      if (!t || get(entry, "kid") !== jwksURL + "#" + t || revoked.has(t)) continue;
      const retiredValue = get(entry, "retired");
      if (retiredValue !== undefined) {
        const at = dateOf(retiredValue);
        if (isNaN(at)) continue;
        retired.set(t, at);
      }
      keys.set(t, entry);
    }
    return { keys, retired, revoked };
  };
  // The CLI's retirement rule: what a retired key signed must be dated, and not after it retired.
  const retirementProblem = (retired, t, signed, what) => {
    if (!retired.has(t)) return null;
    if (isNaN(signed)) return what + " carries no date, and its key was retired: it cannot be shown to predate the retirement";
    return signed > retired.get(t) ? what + " is dated after its key was retired: a retired key signs nothing new" : null;
  };
  const result = (verdict) => {
    let failingStep;
    if (verdict === "revoked" || verdict === "suspended") failingStep = "status";
    else if (verdict === "expired" || verdict === "not-yet-valid") failingStep = "validity";
    else if (verdict !== "valid" && verdict !== "cannot-check") { const f = steps.find((s) => s.status === "fail"); failingStep = f && f.name; }
    return { verdict, steps, failingStep, toDo: verdict === "cannot-check" ? toDo : [], legacy: legacy.length > 0, credential: credentialObject };
  };
  let credentialObject = null;

  if (!(globalThis.crypto && crypto.subtle)) {
    toDo.push("open this page from the issuer's https:// address (or check the credential with 'lantern cert verify'): the browser only offers WebCrypto in a secure context");
    step("browser", "warn", "cannot check: this page is not in a secure context (opened from a file or plain http), so the browser cannot check signatures");
    return result("cannot-check");
  }

  // 1. Parse. A byte-order mark is not part of the credential.
  let text = typeof credentialText === "string" ? credentialText : "";
  if (text.charCodeAt(0) === 0xFEFF) text = text.slice(1);
  const body = trimmed(text);
  let jws = null, credential, claims = {};
  try {
    if (body.startsWith("{") || body.startsWith("[")) {
      credential = parseJSON(text, "credential");
      if (!isObject(credential)) throw new Error("the JSON is not an object: a credential is one JSON object {…}");
      step("parse", "pass", "JSON credential");
    } else {
      // A compact JWS never holds white space: line breaks inside are an email program's wrapping.
      const joined = body.replace(/[ \t\r\n]/g, "");
      jws = parseJWS(joined);
      if (!isObject(jws.payload)) throw new Error("the JWS payload is not a JSON object");
      if (get(jws.payload, "vc") !== undefined) throw new Error("the JWT carries a 'vc' claim: VC-JOSE-COSE forbids it (the payload must be the credential itself), so the token is refused");
      credential = Object.create(null);
      for (const key of Object.keys(jws.payload)) {
        if (["iss", "jti", "nbf", "exp", "sub", "iat"].includes(key)) claims[key] = jws.payload[key];
        else credential[key] = jws.payload[key];
      }
      step("parse", "pass", "compact JWS (VC-JWT), payload is the credential"
        + (joined.length === body.length ? "" : "; the line breaks inside it were left out (an email program wraps long lines)"));
    }
  } catch (error) {
    step("parse", "fail", String(error && error.message || error));
    return result("invalid");
  }
  credentialObject = credential;

  // 2. Structure (the CLI's rules, one for one).
  const problems = [];
  const contextValue = get(credential, "@context");
  const contexts = Array.isArray(contextValue) ? contextValue.filter((c) => typeof c === "string") : [];
  if (contexts[0] !== VC2) problems.push(contexts[0] === "https://www.w3.org/2018/credentials/v1" ? "VC 1.1 context; Open Badges 3.0 needs the VC 2.0 context first" : "the first @context must be " + VC2);
  if (!contexts.some((c) => c.startsWith(OB3))) problems.push("no Open Badges 3.0 @context");
  const types = strings(get(credential, "type")) || [];
  if (!types.includes("VerifiableCredential")) problems.push("type lacks VerifiableCredential");
  if (!types.includes("OpenBadgeCredential") && !types.includes("AchievementCredential")) problems.push("type lacks OpenBadgeCredential or AchievementCredential");
  const credentialID = str(get(credential, "id"));
  if (credentialID === undefined) problems.push("no id");
  const issuerValue = get(credential, "issuer");
  const issuerID = str(issuerValue) !== undefined ? issuerValue : str(get(issuerValue, "id"));
  if (issuerID === undefined) problems.push("no issuer id");
  for (const name of ["validFrom", "validUntil", "awardedDate"]) {
    const v = get(credential, name);
    if (v === undefined) { if (name === "validFrom") problems.push("no validFrom"); continue; }
    if (isNaN(dateOf(v))) problems.push(name + " is not a date-time with a time zone");
  }
  const subject = get(credential, "credentialSubject");
  if (subject !== undefined) {
    if (!(strings(get(subject, "type")) || []).includes("AchievementSubject")) problems.push("credentialSubject type lacks AchievementSubject");
    const achievement = get(subject, "achievement");
    if (achievement !== undefined) {
      for (const name of ["id", "name", "criteria"]) if (get(achievement, name) === undefined) problems.push("achievement has no " + name);
      if (!(strings(get(achievement, "type")) || []).includes("Achievement")) problems.push("achievement type lacks Achievement");
    } else problems.push("credentialSubject has no achievement");
  } else problems.push("no credentialSubject");
  for (const name of ["nbf", "exp", "iat"]) if (claims[name] !== undefined && wholeSeconds(claims[name]) === undefined) problems.push("JWT " + name + " is not a whole number of seconds");
  if (claims.iss !== undefined && str(claims.iss) !== issuerID) problems.push("JWT iss differs from the credential's issuer");
  if (claims.jti !== undefined && str(claims.jti) !== credentialID) problems.push("JWT jti differs from the credential's id");
  if (claims.sub !== undefined && (str(claims.sub) === undefined || claims.sub !== str(get(subject, "id")))) problems.push("JWT sub differs from credentialSubject.id");
  if (jws && get(jws.header, "typ") !== undefined && jws.header.typ !== "JWT" && jws.header.typ !== "vc+jwt") problems.push("JWS typ is neither JWT (Open Badges 3.0 §8.2.3) nor vc+jwt");
  const fromDate = dateOf(get(credential, "validFrom"));
  if (wholeSeconds(claims.nbf) !== undefined && !isNaN(fromDate) && claims.nbf !== Math.floor(fromDate / 1000)) problems.push("JWT nbf differs from validFrom");
  if (wholeSeconds(claims.exp) !== undefined) {
    const untilDate = dateOf(get(credential, "validUntil"));
    if (!isNaN(untilDate)) { if (claims.exp !== Math.floor(untilDate / 1000)) problems.push("JWT exp differs from validUntil"); }
    else problems.push("JWT exp given but the credential has no validUntil");
  }
  let hard = false;
  if (problems.length) { hard = true; step("structure", "fail", problems.slice(0, 4).join("; ") + (problems.length > 4 ? "; and " + (problems.length - 4) + " more" : "")); }
  else step("structure", "pass", "VC 2.0 and Open Badges 3.0 contexts, types and required members; dates with time zones; JWT claims match");
  if (jws) {
    if (claims.sub === undefined) legacy.push("no 'sub' claim (Open Badges 3.0 §8.2.4.1 requires it)");
    if (get(jws.header, "typ") === "vc+jwt") legacy.push("typ is vc+jwt where Open Badges 3.0 §8.2.3 says JWT");
    if (get(credential, "renews") !== undefined) legacy.push("a 'renews' member no listed context defines");
    const schemaTypes = (Array.isArray(get(credential, "credentialSchema")) ? credential.credentialSchema : []).map((s) => str(get(s, "type")));
    if (schemaTypes.includes(SCHEMA_TYPE) && !contexts.includes(OB3_EXTENSIONS)) legacy.push(SCHEMA_TYPE + " without the context that defines it (" + OB3_EXTENSIONS + ")");
  }
  step("schema", "warn", "not checked: the browser does not apply the JSON Schema");

  // 3. Issuer and 4. Signature.
  let unsupportedProof = false;
  const sibling = (url, name) => { const at = url.lastIndexOf("/"); return at < 0 ? name : url.slice(0, at + 1) + name; };
  if (jws) {
    let key = null, keyUnchecked = false;
    let profile;
    let profileProblem = null;
    if (issuerJSONText === null || issuerJSONText === undefined) profile = undefined;
    else {
      try {
        profile = parseJSON(String(issuerJSONText), "issuer.json");
        if (str(get(profile, "id")) === undefined) throw new Error("issuer.json has no 'id'");
      } catch (error) { profileProblem = String(error && error.message || error); }
    }
    if (profileProblem !== null) {
      keyUnchecked = true;
      toDo.push("fetch the issuer profile again from " + (issuerID || "the issuer") + " (the one given cannot be read)");
      step("issuer", "warn", "cannot check: the issuer profile cannot be read: " + profileProblem);
    } else if (profile === undefined) {
      keyUnchecked = true;
      toDo.push("give the issuer profile and keys: " + (issuerID ? sibling(issuerID, "issuer.json") + " and " + sibling(issuerID, "jwks.json") : "issuer.json and jwks.json"));
      step("issuer", "warn", "cannot check: no issuer profile given, so the signing key cannot be resolved");
    } else {
      const profileID = profile.id;
      const jwksURL = sibling(profileID, "jwks.json");
      let keys = new Map(), retired = new Map(), revoked = new Map();
      const legacyKeys = new Map();
      for (const method of Array.isArray(get(profile, "verificationMethod")) ? profile.verificationMethod : []) {
        if (str(get(method, "id")) === undefined || get(method, "controller") !== profileID) continue;
        const t = await thumbprint(get(method, "publicKeyJwk"));
        if (t) legacyKeys.set(t, method.publicKeyJwk);
      }
      let keysProblem = null;
      const keysGiven = jwksText !== null && jwksText !== undefined;
      if (keysGiven) {
        try { ({ keys, retired, revoked } = await readKeySet(jwksText, jwksURL)); }
        catch (error) { keysProblem = String(error && error.message || error); }
      }
      const kid = get(jws.header, "kid");
      if (issuerID !== profileID) {
        keyUnchecked = true;
        toDo.push("give the issuer profile of " + (issuerID || "the issuer") + " (the one given is " + profileID + ")");
        step("issuer", "warn", "cannot check: the credential names issuer " + (issuerID || "the issuer") + " but the profile given is " + profileID);
      } else if (typeof kid !== "string") {
        hard = true; step("issuer", "fail", "the JWS header has no 'kid'");
      } else {
        let found = null, why = null, legacyWhy = null, foundT = null, revokedWhy = null;
        for (const prefix of [jwksURL + "#", profileID + "#"]) {
          if (kid.startsWith(prefix) && revoked.has(kid.slice(prefix.length))) revokedWhy = "the issuer revoked key " + kid + " as compromised: nothing it signed is trusted, whatever date it carries";
        }
        if (revokedWhy !== null) { /* refused below */ }
        else if (kid.startsWith(jwksURL + "#")) {
          const t = kid.slice(jwksURL.length + 1);
          foundT = t;
          if (keys.has(t)) found = keys.get(t);
          else if (legacyKeys.has(t)) { found = legacyKeys.get(t); legacyWhy = "the key is listed only in an issuer profile written before issue 16"; }
          else why = keysGiven || legacyKeys.size ? "kid " + kid + " is not in the issuer's key set" : "no key set given";
        } else if (kid.startsWith(profileID + "#")) {
          const t = kid.slice(profileID.length + 1);
          foundT = t;
          found = legacyKeys.get(t) || keys.get(t) || null;
          if (found) legacyWhy = "kid " + kid + " points into issuer.json, as releases before issue 16 wrote it";
          else why = "kid " + kid + " is not in the issuer's key set";
        } else why = "kid " + kid + " is not in the issuer's key set";
        // When the credential says it was issued: its start, or a later iat.
        const fromAt = dateOf(get(credential, "validFrom")), iatAt = wholeSeconds(claims.iat) !== undefined ? claims.iat * 1000 : NaN;
        const signed = isNaN(fromAt) ? iatAt : isNaN(iatAt) ? fromAt : Math.max(fromAt, iatAt);
        const retiredWhy = found ? retirementProblem(retired, foundT, signed, "the credential") : null;
        if (revokedWhy !== null) { hard = true; step("issuer", "fail", "revoked key: " + revokedWhy); }
        else if (retiredWhy !== null) { hard = true; step("issuer", "fail", "retired key: " + retiredWhy); }
        else if (found) {
          key = found;
          if (legacyWhy) { legacy.push(legacyWhy); step("issuer", "pass", "key " + kid + " is published by the issuer (" + legacyWhy + ")"); }
          else step("issuer", "pass", "key " + kid + " is in the issuer's published key set (" + jwksURL + ")");
        } else if (keysProblem !== null) {
          keyUnchecked = true; toDo.push("fetch the issuer's keys again from " + jwksURL + " (the ones given cannot be read)");
          step("issuer", "warn", "cannot check: the key set cannot be read: " + keysProblem);
        } else if (!keys.size && !legacyKeys.size) {
          keyUnchecked = true; toDo.push("give the issuer's keys: " + jwksURL);
          step("issuer", "warn", "cannot check: no key set given (the issuer publishes it at " + jwksURL + ")");
        } else { hard = true; step("issuer", "fail", "unknown key: " + why); }
      }
    }
    const alg = get(jws.header, "alg");
    if (typeof alg !== "string") { hard = true; step("signature", "fail", "the JWS header has no 'alg'"); }
    else if (alg !== "ES256") {
      hard = true;
      const why = alg.toLowerCase() === "none" ? "an unsigned token ('alg: none') is never accepted"
        : alg.startsWith("HS") ? alg + " is a shared-secret algorithm; accepting it would let anyone holding the public key forge credentials" : alg + " is not allowed";
      step("signature", "fail", "algorithm refused: " + why + "; only ES256 is accepted");
    } else if (get(jws.header, "crit") !== undefined) { hard = true; step("signature", "fail", "the JWS header has critical extensions Lantern does not know"); }
    else if (!key) {
      if (keyUnchecked) step("signature", "warn", "cannot check: the signing key is not known (see the issuer step)");
      else { hard = true; step("signature", "fail", "not checked: the signing key could not be resolved"); }
    } else {
      let ok = false;
      try { ok = await verifyES256(jws, key); } catch (error) { ok = false; }
      if (ok) step("signature", "pass", "ES256 signature verifies");
      else { hard = true; step("signature", "fail", "ES256 signature does not verify: the credential was altered or signed with another key"); }
    }
  } else {
    step("issuer", "warn", "not checked: the credential is not a VC-JWT, so there is no key id to resolve");
    const proof = get(credential, "proof");
    if (proof !== undefined) {
      const proofs = Array.isArray(proof) ? proof : [proof];
      const kinds = proofs.map((p) => { const type = str(get(p, "type")) || "untyped"; const suite = str(get(p, "cryptosuite")); return suite !== undefined ? type + " (" + suite + ")" : type; });
      unsupportedProof = true;
      step("signature", "fail", "unsupported proof type " + kinds.join(", ") + ": Lantern verifies VC-JWT (ES256) only, so this proof was not checked");
    } else { hard = true; step("signature", "fail", "no proof: the credential is not signed"); }
  }

  // 5. Status.
  let statusVerdict = null;
  const statusValue = get(credential, "credentialStatus");
  await (async () => {
    if (statusValue === undefined) { step("status", "pass", "the credential has no status entry (it cannot be revoked)"); return; }
    const entries = Array.isArray(statusValue) ? statusValue : [statusValue];
    const entry = entries.find((e) => get(e, "type") === "BitstringStatusListEntry");
    if (!entry) {
      const kinds = entries.map((e) => str(get(e, "type"))).filter((t) => t !== undefined).join(", ");
      step("status", "warn", "not checked: unsupported status type " + (kinds || "(none)")); return;
    }
    const fail = (detail) => { hard = true; step("status", "fail", detail); };
    const listURL = str(get(entry, "statusListCredential"));
    const rawIndex = get(entry, "statusListIndex");
    const indexText = typeof rawIndex === "string" ? rawIndex : wholeSeconds(rawIndex) !== undefined ? String(rawIndex) : undefined;
    const index = indexText !== undefined && /^[+-]?[0-9]+$/.test(indexText) && Math.abs(Number(indexText)) <= 9223372036854775807 ? Number(indexText) : NaN;
    if (listURL === undefined || isNaN(index) || index < 0) { fail("the status entry has no statusListCredential or statusListIndex"); return; }
    const rawSize = get(entry, "statusSize");
    const size = rawSize === undefined ? 1 : (wholeSeconds(rawSize) !== undefined ? rawSize : 0);
    if (size < 1 || size > 8) { fail("statusSize is not supported (1 to 8 bits)"); return; }
    const purpose = str(get(entry, "statusPurpose")) || "";
    const messages = Array.isArray(get(entry, "statusMessage")) ? entry.statusMessage : [];
    if (jws && size > 1 && messages.length !== (1 << size)) legacy.push("its status entry has " + messages.length + " statusMessage values for statusSize " + size + ", where Bitstring Status List §2.1 needs " + (1 << size));
    if (statusListText === null || statusListText === undefined) {
      toDo.push("give the status list " + listURL);
      step("status", "warn", "cannot check: the credential names the status list " + listURL + ", which was not given"); return;
    }
    const unusable = (reason) => { toDo.push("fetch the status list again from " + listURL); step("status", "warn", "cannot check: " + reason); };
    let list;
    try {
      const listBody = trimmed(String(statusListText));
      if (listBody.startsWith("{")) { unusable("the status list is JSON with an embedded proof; Lantern verifies status lists signed as VC-JWT (ES256) only"); return; }
      list = parseJWS(listBody);
    } catch (error) { unusable("the status list cannot be read: " + String(error && error.message || error)); return; }
    const listID = str(get(list.payload, "id"));
    if (listID !== undefined && listID !== listURL) {
      toDo.push("give the status list " + listURL);
      step("status", "warn", "cannot check: the credential names the status list " + listURL + ", which was not given"); return;
    }
    // The status list's own checks need the issuer's keys: found as the credential's were.
    const profile = (() => { try { return parseJSON(String(issuerJSONText), "issuer.json"); } catch (e) { return undefined; } })();
    const profileID = str(get(profile, "id"));
    if (get(list.header, "alg") !== "ES256") { unusable("the status list is signed with alg '" + (get(list.header, "alg") || "none") + "'; only ES256 is accepted"); return; }
    if (get(list.header, "crit") !== undefined) { unusable("the status list's JWS has critical extensions Lantern does not know"); return; }
    if (get(list.payload, "vc") !== undefined) { unusable("the status list carries a 'vc' claim, which VC-JOSE-COSE forbids"); return; }
    if (profileID === undefined) { unusable("no issuer profile to check the status list's signature"); return; }
    const listKid = str(get(list.header, "kid")) || "";
    let listKey = null;
    const jwksURL = sibling(profileID, "jwks.json");
    let tp = null;
    if (listKid.startsWith(jwksURL + "#")) tp = listKid.slice(jwksURL.length + 1);
    else if (listKid.startsWith(profileID + "#")) tp = listKid.slice(profileID.length + 1);
    let listRetired = new Map(), listRevoked = new Map();
    if (jwksText !== null && jwksText !== undefined) {
      try { const set = await readKeySet(jwksText, jwksURL); listRetired = set.retired; listRevoked = set.revoked; if (tp !== null) listKey = set.keys.get(tp) || null; }
      catch (e) { listKey = null; }
    }
    if (tp !== null && listRevoked.has(tp)) { unusable("the status list is signed with a revoked key: the issuer revoked key " + listKid + " as compromised"); return; }
    if (tp !== null) {
      if (!listKey) {
        for (const method of Array.isArray(get(profile, "verificationMethod")) ? profile.verificationMethod : []) {
          if (str(get(method, "id")) === undefined || get(method, "controller") !== profileID) continue;
          if (await thumbprint(get(method, "publicKeyJwk")) === tp) listKey = method.publicKeyJwk;
        }
      }
    }
    if (!listKey) { unusable("the status list is signed with a key the issuer does not list (kid " + (listKid || "missing") + ")"); return; }
    const listRetiredWhy = retirementProblem(listRetired, tp, dateOf(get(list.payload, "validFrom")), "the status list");
    if (listRetiredWhy !== null) { unusable(listRetiredWhy); return; }
    let ok = false;
    try { ok = await verifyES256(list, listKey); } catch (e) { ok = false; }
    if (!ok) { unusable("the status list's signature does not verify: it was altered or signed with another key"); return; }
    const listSubject = get(list.payload, "credentialSubject");
    if (!(strings(get(list.payload, "type")) || []).includes("BitstringStatusListCredential") || !(strings(get(listSubject, "type")) || []).includes("BitstringStatusList")
        || str(get(listSubject, "encodedList")) === undefined || listID === undefined) { unusable("the status list is not a BitstringStatusListCredential with an encodedList"); return; }
    const listIssuerValue = get(list.payload, "issuer");
    const listIssuer = str(listIssuerValue) !== undefined ? listIssuerValue : str(get(listIssuerValue, "id"));
    if (listIssuer !== profileID) { unusable("the status list was issued by " + (listIssuer || "nobody") + ", not by " + profileID); return; }
    let bits;
    try {
      if (!listSubject.encodedList.startsWith("u")) throw new Error("encodedList is not multibase base64url (it must start with 'u')");
      const compressed = b64(listSubject.encodedList.slice(1));
      const stream = new Blob([compressed]).stream().pipeThrough(new DecompressionStream("gzip"));
      bits = new Uint8Array(await new Response(stream).arrayBuffer());
    } catch (error) { unusable("the status list's encodedList cannot be decoded: " + String(error && error.message || error)); return; }
    const purposes = strings(get(listSubject, "statusPurpose")) || [];
    if (!purposes.includes(purpose)) { fail("the status list's purpose is " + purposes.join(", ") + ", the entry's is " + purpose); return; }
    const listUntil = dateOf(get(list.payload, "validUntil"));
    const now = opts.now !== undefined ? opts.now : Date.now();
    if (!isNaN(listUntil) && listUntil < now) { toDo.push("fetch a current status list from " + listURL); step("status", "warn", "cannot check: the status list given expired"); return; }
    if (index >= Math.floor(bits.length * 8 / size)) { fail("index " + indexText.replace(/^\+/, "") + " is outside the status list"); return; }
    let value = 0;
    for (let bit = index * size; bit < (index + 1) * size; bit++) value = (value << 1) | ((bits[bit >> 3] >> (7 - (bit & 7))) & 1);
    let message;
    if (purpose === "revocation") message = value ? "revoked" : "valid";
    else if (purpose === "suspension") message = value ? "suspended" : "valid";
    else {
      const hex = "0x" + value.toString(16);
      const found = messages.find((m) => typeof get(m, "status") === "string" && m.status.toLowerCase() === hex);
      message = found && typeof get(found, "message") === "string" ? found.message : value === 0 ? "valid" : "status " + hex;
    }
    if (message === "valid") step("status", "pass", "not revoked or suspended (signed status list, index " + index + ")");
    else if (message.startsWith("revoked")) { statusVerdict = "revoked"; step("status", "fail", "revoked (signed status list, index " + index + ")"); }
    else if (message.startsWith("suspended")) { statusVerdict = "suspended"; step("status", "fail", "suspended (signed status list, index " + index + ")"); }
    else step("status", "warn", "status list says '" + message + "' (index " + index + ")");
  })();

  // 6. Validity window.
  let windowVerdict = null;
  const now = opts.now !== undefined ? opts.now : Date.now();
  const fromText = str(get(credential, "validFrom")) !== undefined ? credential.validFrom : str(get(credential, "issuanceDate"));
  const untilText = str(get(credential, "validUntil")) !== undefined ? credential.validUntil : str(get(credential, "expirationDate"));
  const from = dateOf(fromText), until = dateOf(untilText);
  if (!isNaN(from) && from > now) { windowVerdict = "not-yet-valid"; step("validity", "fail", "not yet valid: valid from " + fromText); }
  else if (!isNaN(until) && until <= now) { windowVerdict = "expired"; step("validity", "fail", "expired on " + untilText); }
  else if (isNaN(from)) { hard = true; step("validity", "fail", "no valid start date"); }
  else step("validity", "pass", "valid from " + fromText + (untilText !== undefined ? " until " + untilText : ", no expiry"));

  if (legacy.length) step("conformance", "warn", "legacy credential (made by a Lantern release before issue 16): " + legacy.join("; ") + ". Lantern accepts it, but strict Open Badges 3.0 verifiers may reject it; the issuer can replace it with a reissued one");

  let verdict;
  if (hard) verdict = "invalid";
  else if (unsupportedProof) verdict = "unverifiable";
  else if (statusVerdict) verdict = statusVerdict;
  else if (windowVerdict) verdict = windowVerdict;
  else if (toDo.length) verdict = "cannot-check";
  else verdict = "valid";
  return result(verdict);
}

// The holder check: whether `email` is the one the credential's salted hash names, computed
// in this browser (nothing is sent anywhere). The CLI's `cert verify --email` rule: trimmed,
// lower-cased, then SHA-256 of email + salt, compared with identityHash (sha256$<hex>).
async function lanternCheckHolder(credential, email) {
  if (!(globalThis.crypto && crypto.subtle)) return { status: "cannot-check", detail: "this page is not in a secure context, so the browser cannot compute the hash; open it from the issuer's https:// address or use 'lantern cert verify --email'" };
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const subject = isObject(credential) ? credential.credentialSubject : undefined;
  const identifiers = isObject(subject) && Array.isArray(subject.identifier) ? subject.identifier : [];
  const emails = identifiers.filter((i) => isObject(i) && i.identityType === "emailAddress");
  if (!emails.length) return { status: "fail", detail: "the credential names no email recipient" };
  let normalised = String(email);
  while (normalised.length && " \t\r\n".includes(normalised[0])) normalised = normalised.slice(1);
  while (normalised.length && " \t\r\n".includes(normalised[normalised.length - 1])) normalised = normalised.slice(0, -1);
  normalised = normalised.toLowerCase();
  for (const identity of emails) {
    if (typeof identity.identityHash !== "string") continue;
    if (identity.hashed === true) {
      const salt = typeof identity.salt === "string" ? identity.salt : "";
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(normalised + salt)));
      const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
      if ("sha256$" + hex === identity.identityHash.toLowerCase()) return { status: "pass", detail: "the email matches the credential's salted hash" };
    } else if (identity.identityHash.trim().toLowerCase() === normalised) {
      return { status: "pass", detail: "the email matches the credential's (unhashed) recipient" };
    }
  }
  return { status: "fail", detail: "the email does not match the credential's recipient" };
}
"""#
}
