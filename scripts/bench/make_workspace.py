#!/usr/bin/env python3
"""Turn the reference workload of ../shared/bench/gen.py into a Lantern workspace.

usage: make_workspace.py GENERATED_DIR WORKSPACE_DIR

Each generated lesson becomes a module `curriculum/<section>-<lesson>.md` whose Markdown body
is byte-for-byte the generated body; only the front matter is rewritten into Lantern's keys
(id, title, summary, minutes, outcomes), and `program.yml` lists every module in order.
Section index pages (`_index.md`) are not modules and are skipped.
"""
import os
import sys


def main() -> None:
    source, target = sys.argv[1], sys.argv[2]
    curriculum = os.path.join(target, "curriculum")
    os.makedirs(curriculum, exist_ok=True)
    with open(os.path.join(target, "lantern.yml"), "w") as out:
        out.write("organisation:\n  name: Benchmark Org\n  url: https://example.org/\n"
                  "site:\n  base_url: https://bench.example.org/\n")
    ids = []
    for section in sorted(os.listdir(source)):
        folder = os.path.join(source, section)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".md") or name.startswith("_"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                text = handle.read()
            _, front, body = text.split("---\n", 2)
            title = next((line.split(":", 1)[1].strip().strip('"') for line in front.splitlines()
                          if line.startswith("title:")), name)
            module_id = f"{section}-{name[:-3]}"
            ids.append(module_id)
            with open(os.path.join(curriculum, module_id + ".md"), "w", encoding="utf-8") as out:
                out.write(f"---\nid: {module_id}\ntitle: \"{title}\"\nsummary: A generated module.\n"
                          f"minutes: 30\noutcomes:\n  - id: lo1\n    text: Read the module.\n---\n")
                out.write(body)
    with open(os.path.join(curriculum, "program.yml"), "w") as out:
        out.write("id: bench\ntitle: Benchmark program\nmodules:\n")
        out.writelines(f"  - {module_id}\n" for module_id in ids)


if __name__ == "__main__":
    main()
