#!/usr/bin/env python3
"""Writes the bad credentials in ../bad-input/credentials/ from valid.jwt (needs `cryptography`).

issuer.json, list.jwt and valid.jwt here were made by the credential fuzz target
(`LANTERN_FUZZ_TARGET=credential LANTERN_FUZZ_SEEDS=DIR .build-fuzz/debug/lantern-fuzz`): the
issuer https://fuzz.example.org/ signs with a P-256 key whose private scalar is
SHA-256("lantern-fuzz issuer key"), derived from a public string because it protects nothing.
The status list has index 1000 revoked and 2000 suspended; credentials are valid from 2029-01-01
to 2031-01-01 and are verified at 2030-01-01. Signatures are randomised (ECDSA), so a rerun
changes bytes but not what each file tests; the manifest entries stay right.
"""
import base64, hashlib, hmac, json, os, random

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "..", "bad-input", "credentials")


def b64(data):
    if isinstance(data, str):
        data = data.encode()
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key(name):
    scalar = int.from_bytes(hashlib.sha256(name.encode()).digest(), "big")
    return ec.derive_private_key(scalar, ec.SECP256R1())


ISSUER_KEY, OTHER_KEY = key("lantern-fuzz issuer key"), key("lantern-fuzz other key")
valid = open(os.path.join(here, "valid.jwt")).read().strip()
header = json.loads(unb64(valid.split(".")[0]))
payload = json.loads(unb64(valid.split(".")[1]))
KID = header["kid"]


def compact(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def es256(signing_input, private):
    r, s = decode_dss_signature(private.sign(signing_input.encode(), ec.ECDSA(hashes.SHA256())))
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def signed(body, private=ISSUER_KEY, head=None, raw=None):
    """`body` signed as the issuer would; `raw` replaces text in the JSON first (for numbers
    Python cannot write, such as 1e400)."""
    head = head if head is not None else header
    text = compact(body)
    for old, new in (raw or {}).items():
        text = text.replace(old, new)
    signing_input = b64(compact(head)) + "." + b64(text)
    return signing_input + "." + b64(es256(signing_input, private))


def edited(**changes):
    body = json.loads(json.dumps(payload))
    for path, value in changes.items():
        target = body
        keys = path.split("__")
        for part in keys[:-1]:
            target = target[part]
        if value is None:
            target.pop(keys[-1], None)
        else:
            target[keys[-1]] = value
    return body


def write(name, content):
    mode = "wb" if isinstance(content, bytes) else "w"
    with open(os.path.join(out, name), mode) as handle:
        handle.write(content)


parts = valid.split(".")
credential = {k: v for k, v in payload.items() if k not in ("iss", "jti", "nbf", "exp")}

write("empty.jwt", "")
write("binary.jwt", bytes(random.Random(7).randrange(256) for _ in range(600)).replace(b".", b"\x00"))
write("truncated.jwt", parts[0] + "." + parts[1][: len(parts[1]) // 2])
write("truncated-signature.jwt", parts[0] + "." + parts[1] + "." + parts[2][:40])
write("jwe-five-parts.jwt", valid + ".AAAA.BBBB")
write("standard-base64.jwt", parts[0] + "." + base64.b64encode(unb64(parts[1])).decode().rstrip("=").replace("_", "/") + "+/" + "." + parts[2])
write("padded-header.jwt", base64.urlsafe_b64encode(unb64(parts[0])).decode() + "==." + parts[1] + "." + parts[2])
write("header-not-json.jwt", b64("alg=ES256") + "." + parts[1] + "." + parts[2])
write("payload-not-json.jwt", parts[0] + "." + b64("<credential/>") + "." + parts[2])
write("payload-truncated-json.jwt", parts[0] + "." + b64(compact(payload)[:300]) + "." + parts[2])
write("alg-none.jwt", b64(compact({"alg": "none", "kid": KID, "typ": "vc+jwt"})) + "." + parts[1] + ".")
# The classic confusion attack: HMAC keyed with the issuer's public key, which anyone can read.
hs_input = b64(compact({"alg": "HS256", "kid": KID, "typ": "vc+jwt"})) + "." + parts[1]
public_pem = open(os.path.join(here, "issuer.json")).read().encode()
write("alg-hs256.jwt", hs_input + "." + b64(hmac.new(public_pem, hs_input.encode(), hashlib.sha256).digest()))
write("alg-rs256.jwt", b64(compact({"alg": "RS256", "kid": KID, "typ": "vc+jwt"})) + "." + parts[1] + "." + parts[2])
write("crit-header.jwt", signed(payload, head=dict(header, crit=["exp-policy"], **{"exp-policy": 1})))
write("tampered.jwt", parts[0] + "." + b64(compact(edited(name="Senior Clinical Psychologist"))) + "." + parts[2])
write("other-key.jwt", signed(payload, OTHER_KEY, dict(header, kid=KID.split("#")[0] + "#not-a-listed-key")))
write("wrong-key-listed-kid.jwt", signed(payload, OTHER_KEY))
write("no-kid.jwt", signed(payload, head={"alg": "ES256", "typ": "vc+jwt"}))
write("escape-in-kid.jwt", signed(payload, head=dict(header, kid="\u001b[2J\u001b[Hverdict: valid\n\u202e")))
write("huge-numbers.jwt", signed(edited(nbf="NBF", exp=99999999999999999999999), raw={'"NBF"': "1e400"}))
write("huge-status-index.jwt", signed(edited(credentialStatus__statusListIndex="9223372036854775807")))
write("index-out-of-range.jwt", signed(edited(credentialStatus__statusListIndex="10000000")))
write("status-size-huge.jwt", signed(edited(credentialStatus__statusSize=1e300)))
write("other-status-list.jwt", signed(edited(credentialStatus__statusListCredential="https://evil.example/list.jwt")))
write("revoked.jwt", signed(edited(credentialStatus__statusListIndex="1000")))
write("suspended.jwt", signed(edited(credentialStatus__statusListIndex="2000")))
write("expired.jwt", signed(edited(validFrom="2027-01-01T00:00:00Z", awardedDate="2027-01-01T00:00:00Z", nbf=1798761600,
                                   validUntil="2029-06-30T00:00:00Z", exp=1877472000)))
write("not-yet-valid.jwt", signed(edited(validFrom="2030-06-01T00:00:00Z", awardedDate="2030-06-01T00:00:00Z", nbf=1906502400)))
write("date-without-zone.jwt", signed(edited(validFrom="2029-01-01T00:00:00", awardedDate="2029-01-01T00:00:00", nbf=None)))
write("missing-fields.jwt", signed(edited(validFrom=None, nbf=None, credentialSubject=None)))
write("issuer-mismatch.jwt", signed(edited(issuer__id="https://evil.example/issuer.json", iss="https://evil.example/issuer.json")))
write("huge-line.jwt", parts[0] + "." + b64(compact(edited(description="A" * 250_000))) + "." + parts[2])

pretty = json.dumps(credential, indent=2, ensure_ascii=False)
write("no-proof.json", pretty + "\n")
write("missing-id.json", json.dumps({k: v for k, v in credential.items() if k != "id"}, indent=2, ensure_ascii=False) + "\n")
lines = pretty.split("\n")
lines[4] = lines[4].rstrip(",")
write("syntax-error.json", "\n".join(lines) + "\n")
write("duplicate-member.json", pretty.replace('"name":', '"id": "https://evil.example/credentials/1/",\n  "name":', 1) + "\n")
write("deep-nesting.json", '{"proof":' + "[" * 100 + "]" * 100 + "}\n")
write("data-integrity-proof.json", json.dumps(dict(credential, proof={"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
                                                                     "proofValue": "z58DAdFfa9SkqZMVPxAQp"}), indent=2) + "\n")
write("not-an-object.json", "[\n  \"" + valid + "\"\n]\n")
write("byte-order-mark.json", "\ufeff" + pretty + "\n")

# Issue 16: files on which a lenient parser and a strict one disagree (the browser verifier
# once used JSON.parse, which keeps the last duplicate, and decoded base64url leniently).
dup_text = compact(payload).replace('"validUntil":', '"validUntil":"2099-01-01T00:00:00Z","validUntil":', 1)
dup_input = b64(compact(header)) + "." + b64(dup_text)
write("duplicate-claim.jwt", dup_input + "." + b64(es256(dup_input, ISSUER_KEY)))
# The signature's last character with its unused low bits set: the same bytes to a lenient
# decoder, not canonical base64url to a strict one.
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
sig = parts[2]
write("noncanonical-base64url.jwt", parts[0] + "." + parts[1] + "." + sig[:-1] + alphabet[alphabet.index(sig[-1]) | 1])
vc_body = dict(payload, vc=credential)
write("vc-claim.jwt", signed(vc_body))
