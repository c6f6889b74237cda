#!/usr/bin/env python3
"""JSON-LD expansion of Lantern's documents with a third-party processor (pyld), offline.

usage: jsonld-check.py CONTEXTS_FOLDER FILE...

Each FILE is a JSON document (a credential, issuer.json, a status list credential's payload).
Only the contexts the document lists are used, loaded from CONTEXTS_FOLDER (the 1EdTech
validator's copies in ../shared/standards/ob3/contexts); a context that is not there fails the
check, since a verifier offline could not load it either. To find terms no listed context
defines (a processor drops them silently), the check appends a context holding only
`@vocab: urn:lantern:undefined#` and looks for that prefix in the expansion.

Prints one line per file and exits 0 when every file expands with every term defined, 1 when
not, 3 when pyld is not installed.
"""
import json
import os
import sys

CONTEXT_FILES = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-3.0.3.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": "ob-v3p0-extensions.json",
    "https://w3id.org/security/data-integrity/v1": "data-integrity-v1.jsonld",
}
SENTINEL = "urn:lantern:undefined#"


def undefined_terms(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key.startswith(SENTINEL):
                found.add(key[len(SENTINEL):])
            if key == "@type":
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str) and item.startswith(SENTINEL):
                        found.add(item[len(SENTINEL):] + " (as a type)")
            undefined_terms(value, found)
    elif isinstance(node, list):
        for item in node:
            undefined_terms(item, found)
    return found


def main():
    try:
        from pyld import jsonld
    except ImportError:
        print("skipped: pyld is not installed (pip install pyld)")
        return 3
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    folder = sys.argv[1]

    def loader(url, options=None):
        name = CONTEXT_FILES.get(url)
        if name is None or not os.path.exists(os.path.join(folder, name)):
            raise jsonld.JsonLdError("context %s is not available offline" % url, "loading document failed")
        with open(os.path.join(folder, name)) as handle:
            return {"contextUrl": None, "documentUrl": url, "document": json.load(handle)}

    failed = False
    for path in sys.argv[2:]:
        with open(path) as handle:
            document = json.load(handle)
        contexts = document.get("@context", [])
        contexts = contexts if isinstance(contexts, list) else [contexts]
        probe = dict(document)
        probe["@context"] = contexts + [{"@vocab": SENTINEL}]
        try:
            expanded = jsonld.expand(probe, {"documentLoader": loader})
        except Exception as error:  # any processing error fails the file
            print("%s: expansion failed: %s" % (path, error))
            failed = True
            continue
        terms = sorted(undefined_terms(expanded, set()))
        if terms:
            print("%s: %d undefined term%s: %s" % (path, len(terms), "" if len(terms) == 1 else "s", ", ".join(terms)))
            failed = True
        else:
            print("%s: every term defined" % path)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
