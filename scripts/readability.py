#!/usr/bin/env python3
"""Readability report for Lantern curriculum modules.

For each curriculum/*.md module this prints the number of words in the body
and its Flesch-Kincaid grade level, as a small table.

What is measured: the module body only. The YAML front matter, fenced code
blocks, inline code and the "Sources" section (from its heading to the next
heading of the same or a higher level) are left out. Markdown syntax is
stripped: link targets are dropped and the link text kept, list markers,
quote markers and emphasis marks are removed.

Sentences: a sentence ends at ".", "!" or "?" (followed by a space, a quote
or the end of the text). A heading, list item or table row that does not end
with punctuation counts as a sentence of its own, so that headings are not
glued onto the next sentence.

Syllables: a sound heuristic based on vowel groups (a, e, i, o, u, y), with
the usual corrections for a silent final "e", "-es"/"-ed" endings that add
no syllable, "-le" after a consonant, and a few common diphthong splits.
Every word has at least one syllable. Numbers count as one word of one
syllable per digit group.

Flesch-Kincaid grade = 0.39 * (words / sentences)
                      + 11.8 * (syllables / words) - 15.59

Standard library only. Usage:

    python3 scripts/readability.py [path-to-curriculum-folder-or-files ...]

With no argument it reads curriculum/*.md beside this script's parent folder
(or in the current folder). It always exits 0.
"""

import glob
import os
import re
import sys

VOWELS = "aeiouy"


def strip_front_matter(text):
    """Remove a leading YAML block between two '---' lines."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                return "\n".join(lines[i + 1:])
    return text


def strip_code_blocks(text):
    """Remove fenced code blocks (``` or ~~~) and indented code is left alone."""
    out = []
    fence = None
    for line in text.split("\n"):
        stripped = line.lstrip()
        if fence is None:
            m = re.match(r"(`{3,}|~{3,})", stripped)
            if m:
                fence = m.group(1)[0] * len(m.group(1))
                continue
            out.append(line)
        else:
            if stripped.startswith(fence):
                fence = None
            continue
    return "\n".join(out)


def strip_sources(text):
    """Remove a 'Sources' (or 'References') section up to the next heading
    of the same or a higher level."""
    out = []
    skipping_level = None
    for line in text.split("\n"):
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if m:
            level = len(m.group(1))
            title = m.group(2).strip().lower()
            if skipping_level is not None and level <= skipping_level:
                skipping_level = None
            if skipping_level is None and title in ("sources", "references"):
                skipping_level = level
                continue
        if skipping_level is None:
            out.append(line)
    return "\n".join(out)


def markdown_to_sentences(text):
    """Turn Markdown into plain text, one logical block per line, with a
    full stop added to blocks (headings, list items) that lack one."""
    text = re.sub(r"`[^`]*`", " ", text)                     # inline code
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)     # images -> alt
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)      # links -> text
    text = re.sub(r"<https?://[^>]*>", " ", text)             # autolinks
    text = re.sub(r"https?://\S+", " ", text)                 # bare URLs
    text = re.sub(r"\{#[^}]*\}", " ", text)                   # attribute blocks

    blocks = []
    current = []

    def flush():
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            flush()
            continue
        # block quote markers
        line = re.sub(r"^(>\s*)+", "", line)
        if not line:
            flush()
            continue
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*$", line)
        item = re.match(r"^([-*+]|\d+[.)])\s+(.*)$", line)
        if heading:
            flush()
            blocks.append(heading.group(1))
            continue
        if item:
            flush()
            current.append(item.group(2))
            continue
        if re.match(r"^\|?[\s:-]+\|[\s|:-]*$", line):         # table rule
            continue
        if line.startswith("|"):
            flush()
            blocks.append(" ".join(c.strip() for c in line.strip("|").split("|")))
            continue
        current.append(line)
    flush()

    cleaned = []
    for b in blocks:
        b = re.sub(r"[*_]{1,3}([^*_]+)[*_]{1,3}", r"\1", b)   # emphasis
        b = b.replace("*", " ").replace("_", " ")
        b = re.sub(r"\s+", " ", b).strip()
        if not b:
            continue
        if not re.search(r"[.!?][\"'\u201d\u2019)\]]*$", b):
            b += "."
        cleaned.append(b)
    return "\n".join(cleaned)


def words_of(text):
    return re.findall(r"[A-Za-z0-9\u00C0-\u024F]+(?:['\u2019][A-Za-z]+)*", text)


def count_sentences(text):
    parts = re.split(r"[.!?]+(?=[\s\"'\u201d\u2019)\]]|$)", text)
    return max(1, sum(1 for p in parts if words_of(p)))


def syllables(word):
    w = word.lower()
    w = re.sub(r"['\u2019].*$", "", w)                 # drop 's, 're ...
    if not w:
        return 1
    if w.isdigit():
        return max(1, len(w) // 3 + 1)
    w = re.sub(r"[^a-z]", "", w)
    if not w:
        return 1
    if len(w) <= 3:
        return 1
    groups = re.findall(r"[aeiouy]+", w)
    count = len(groups)
    # silent final e (but not "-le" after a consonant, as in "table")
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")):
        count -= 1
    elif w.endswith("le") and len(w) > 2 and w[-3] in VOWELS:
        count -= 1
    # "-es" and "-ed" endings that do not add a syllable
    if w.endswith("es") and not re.search(r"(s|x|z|ch|sh|ge|ce)es$", w):
        count -= 1
    if w.endswith("ed") and not re.search(r"[td]ed$", w):
        count -= 1
    # common vowel pairs that are two syllables
    count += len(re.findall(r"(ia|io(?!u)|ua|eo|iu|ie(?=r|t))", w))
    # a leading "y" before a vowel acts as a consonant
    if re.match(r"y[aeiou]", w):
        count -= 1
    return max(1, count)


def analyse(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    body = strip_sources(strip_code_blocks(strip_front_matter(text)))
    plain = markdown_to_sentences(body)
    words = words_of(plain)
    n_words = len(words)
    n_sent = count_sentences(plain)
    n_syll = sum(syllables(w) for w in words)
    if n_words == 0:
        return 0, 0.0, plain
    grade = 0.39 * (n_words / n_sent) + 11.8 * (n_syll / n_words) - 15.59
    return n_words, grade, plain


def module_files(args):
    if args:
        files = []
        for a in args:
            if os.path.isdir(a):
                files.extend(sorted(glob.glob(os.path.join(a, "*.md"))))
            else:
                files.append(a)
        return files
    here = os.path.dirname(os.path.abspath(__file__))
    for root in (os.path.dirname(here), os.getcwd()):
        found = sorted(glob.glob(os.path.join(root, "curriculum", "*.md")))
        if found:
            return found
    return []


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    dump = "--dump" in argv
    files = module_files(args)
    if not files:
        print("No curriculum/*.md files found.")
        return 0
    rows = []
    for f in files:
        try:
            n, grade, plain = analyse(f)
        except OSError as err:
            print(f"{f}: cannot read ({err})", file=sys.stderr)
            continue
        rows.append((os.path.splitext(os.path.basename(f))[0], n, grade))
        if dump:
            print(plain)
            print()
    width = max([len("module")] + [len(r[0]) for r in rows])
    print(f"{'module':<{width}}  {'words':>6}  {'FK grade':>8}")
    print(f"{'-' * width}  {'-' * 6}  {'-' * 8}")
    for name, n, grade in rows:
        print(f"{name:<{width}}  {n:>6}  {grade:>8.1f}")
    return 0


if __name__ == "__main__":
    try:
        main(sys.argv)
    except Exception as err:  # never fail the caller
        print(f"readability: {err}", file=sys.stderr)
    sys.exit(0)
