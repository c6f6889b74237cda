#!/usr/bin/env python3
"""The peer for certificate verification: Python's `cryptography` verifying the same ES256 JWTs.

usage: verify_es256.py TOKENS.txt PUBLIC.jwk

TOKENS.txt holds one compact JWS per line (written by `lantern-bench-certs --write DIR`),
PUBLIC.jwk the issuer's public key as a JWK (EC P-256). Each token is split, its header and
payload base64url-decoded and parsed as JSON, and its signature checked over
`header.payload` with ECDSA P-256 / SHA-256 (the JWS r||s signature turned into DER). That is
less than Lantern's verifier does (Lantern also checks the credential's dates, issuer and
status list entry), so the comparison favours Python. Prints verifications per second, one thread.
"""
import base64
import json
import sys
import time

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def main() -> None:
    tokens = [line.strip() for line in open(sys.argv[1]) if line.strip()]
    jwk = json.load(open(sys.argv[2]))
    x = int.from_bytes(b64decode(jwk["x"]), "big")
    y = int.from_bytes(b64decode(jwk["y"]), "big")
    key = ec.EllipticCurvePublicNumbers(x, y, ec.SECP256R1()).public_key()
    algorithm = ec.ECDSA(hashes.SHA256())
    valid = 0
    start = time.perf_counter()
    for token in tokens:
        header, payload, signature = token.split(".")
        if json.loads(b64decode(header)).get("alg") != "ES256":
            continue
        json.loads(b64decode(payload))
        raw = b64decode(signature)
        der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
        try:
            key.verify(der, f"{header}.{payload}".encode(), algorithm)
            valid += 1
        except InvalidSignature:
            pass
    elapsed = time.perf_counter() - start
    print(f"python cryptography: {len(tokens)} tokens, {valid} valid, {len(tokens) / elapsed:.0f} verifications/s")


if __name__ == "__main__":
    main()
