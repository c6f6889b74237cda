#!/usr/bin/env python3
"""An independent check of a Lantern credential, written against joserfc (or, without it,
the `cryptography` package) rather than Lantern's own code.

usage: verify-credential.py CREDENTIAL.jwt JWKS.json [SCHEMA.json]

Verifies the compact JWS with the issuer's JWK set (jwks.json; an issuer.json written before
issue 16, with a "jwks" member, also works), ES256 only, the key chosen by `kid`; then the
claim rules of Open Badges 3.0 §8.2 and VC-JOSE-COSE: `iss`, `jti`, `sub` and `nbf` present
and equal to the credential's issuer id, id, credentialSubject.id and validFrom, `exp` to
validUntil, no `vc` claim, `typ` JWT when present. When a schema is given and `jsonschema` is
installed, validates the payload against it. Prints one line and exits 0 when it verifies,
1 when it does not, 3 when neither joserfc nor cryptography is installed.
"""
import base64
import json
import sys


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def verify_with_joserfc(token, jwks):
    from joserfc import jws
    from joserfc.jwk import KeySet
    key_set = KeySet.import_key_set(jwks)
    obj = jws.deserialize_compact(token, key_set, algorithms=["ES256"])
    return json.loads(obj.payload)


def verify_with_cryptography(token, jwks):
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
    header_b64, payload_b64, signature_b64 = token.split(".")
    header = json.loads(b64url_decode(header_b64))
    if header.get("alg") != "ES256":
        raise ValueError("algorithm %r is not ES256" % header.get("alg"))
    key = next((k for k in jwks["keys"] if k.get("kid") == header.get("kid")), None)
    if key is None:
        raise ValueError("unknown kid")
    x = int.from_bytes(b64url_decode(key["x"]), "big")
    y = int.from_bytes(b64url_decode(key["y"]), "big")
    public = ec.EllipticCurvePublicNumbers(x, y, ec.SECP256R1()).public_key()
    raw = b64url_decode(signature_b64)
    if len(raw) != 64:
        raise ValueError("signature is not 64 bytes")
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    try:
        public.verify(der, (header_b64 + "." + payload_b64).encode(), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise ValueError("signature does not verify")
    return json.loads(b64url_decode(payload_b64))


def claim_problems(token, payload):
    """OB 3.0 §8.2.3-8.2.4 and VC-JOSE-COSE, checked with the standard library only."""
    from datetime import datetime
    header = json.loads(b64url_decode(token.split(".")[0]))
    problems = []
    if header.get("typ", "JWT") != "JWT":
        problems.append("typ is %r, not JWT (OB 3.0 section 8.2.3)" % header.get("typ"))
    if "vc" in payload:
        problems.append("a 'vc' claim is present (VC-JOSE-COSE forbids it)")
    issuer = payload.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    subject = payload.get("credentialSubject") or {}
    expected = {"iss": issuer_id, "jti": payload.get("id"), "sub": subject.get("id")}
    for claim, value in expected.items():
        if claim not in payload:
            problems.append("no '%s' claim" % claim)
        elif payload[claim] != value:
            problems.append("'%s' differs from the credential" % claim)

    def seconds(text):
        return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())
    if "nbf" not in payload or payload["nbf"] != seconds(payload.get("validFrom", "1970-01-01T00:00:00Z")):
        problems.append("'nbf' is missing or differs from validFrom")
    if "validUntil" in payload and payload.get("exp") != seconds(payload["validUntil"]):
        problems.append("'exp' is missing or differs from validUntil")
    return problems


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    token = open(sys.argv[1]).read().strip()
    issuer = json.load(open(sys.argv[2]))
    jwks = issuer.get("jwks", issuer)
    try:
        import joserfc  # noqa: F401
        verify, library = verify_with_joserfc, "joserfc"
    except ImportError:
        try:
            import cryptography  # noqa: F401
            verify, library = verify_with_cryptography, "cryptography"
        except ImportError:
            print("skipped: neither joserfc nor cryptography is installed")
            return 3
    try:
        payload = verify(token, jwks)
    except Exception as error:  # any failure is "does not verify"
        print("invalid (%s): %s" % (library, error))
        return 1
    problems = claim_problems(token, payload)
    if problems:
        print("invalid claims: %s" % "; ".join(problems))
        return 1
    if len(sys.argv) > 3:
        try:
            import jsonschema
        except ImportError:
            print("valid signature (%s); schema not checked: jsonschema is not installed" % library)
            return 0
        credential = {k: v for k, v in payload.items() if k not in ("iss", "jti", "nbf", "exp", "sub", "iat")}
        schema = json.load(open(sys.argv[3]))
        errors = list(jsonschema.Draft201909Validator(schema).iter_errors(credential))
        if errors:
            print("invalid schema (jsonschema): %s" % errors[0].message)
            return 1
        print("valid signature (%s) and schema (jsonschema)" % library)
        return 0
    print("valid signature (%s)" % library)
    return 0


if __name__ == "__main__":
    sys.exit(main())
