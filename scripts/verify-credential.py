#!/usr/bin/env python3
"""An independent check of a Lantern credential, written against joserfc (or, without it,
the `cryptography` package) rather than Lantern's own code.

usage: verify-credential.py CREDENTIAL.jwt ISSUER.json [SCHEMA.json]

Verifies the compact JWS with the issuer's JWK set (ES256 only; the key chosen by `kid`),
and, when a schema is given and `jsonschema` is installed, validates the payload against
it. Prints one line and exits 0 when it verifies, 1 when it does not, 3 when neither
joserfc nor cryptography is installed.
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
