#!/usr/bin/env python3
"""Write a `lantern build --verification-input` file with N fake published credentials.

usage: fake_credentials.py N OUT.json

The JWTs are well-formed but not signed by any real key: the benchmark measures page
generation, not cryptography. Same N, same bytes.
"""
import base64
import json
import random
import sys


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main() -> None:
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(42)
    header = b64(json.dumps({"alg": "ES256", "typ": "vc+jwt", "kid": "bench-key-1"}).encode())
    credentials = []
    for i in range(count):
        cid = f"{rng.getrandbits(128):032x}"
        payload = b64(json.dumps({"sub": cid, "n": i, "pad": "x" * 900}).encode())
        signature = b64(rng.getrandbits(512).to_bytes(64, "big"))
        year = 2024 + i % 3
        credentials.append({
            "id": cid, "jwt": f"{header}.{payload}.{signature}",
            "achievementName": "Peer Support Worker Certificate", "issuerName": "Benchmark Org",
            "issuedOn": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}", "validUntil": f"{year + 2}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "holderName": f"Holder {i}" if i % 3 == 0 else None,
            "status": ["active", "active", "active", "revoked", "suspended", "expired"][i % 6],
        })
    status_list = f"{header}.{b64(json.dumps({'list': 'x' * 20000}).encode())}.{b64(bytes(64))}"
    issuer = json.dumps({"id": "https://bench.example.org/issuer.json", "type": ["Profile"], "name": "Benchmark Org"}, indent=2)
    with open(out, "w") as handle:
        json.dump({"issuer_json": issuer + "\n", "status_list_jwt": status_list, "credentials": credentials}, handle)


if __name__ == "__main__":
    main()
