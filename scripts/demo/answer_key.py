#!/usr/bin/env python3
"""For the demo only: write what a well-prepared trainee would submit.

usage: answer_key.py ASSESSMENT.md

For a quiz, prints a JSON answers file (question id -> the correct answer) in the format of
docs/authoring.md ("Answers files"); for a checklist, a JSON ratings file rating every
criterion at the checklist's pass level. It reads Lantern's own authoring syntax; it is a demo
helper, not part of Lantern, and nothing it prints is ever published.
"""
import json
import re
import sys

HEADING = re.compile(r"^##\s+(.*?)\s*\{([^}]*)\}\s*$")
OPTION = re.compile(r"^- \[(x|X| |-?[0-9.]+%)\]\s+(.*)$")
PAIR = re.compile(r"^- (.*?)\s+->\s+(.*)$")
NUMBERED = re.compile(r"^\d+[.)]\s+(.*)$")
CRITERION = re.compile(r"^- .*\{#([a-z0-9-]+)(?:\s[^}]*)?\}\s*$")   # {#id} or {#id n/a}


def front_matter(text):
    _, front, body = text.split("---\n", 2)
    values = {}
    for line in front.splitlines():
        if ":" in line and not line.startswith(" "):
            key, value = line.split(":", 1)
            values[key.strip()] = value.split("#", 1)[0].strip()
    return values, body


def quiz_answers(body):
    questions, current = [], None
    for line in body.splitlines():
        match = HEADING.match(line)
        if match:
            attributes = match.group(2).split()
            current = {"id": attributes[0].lstrip("#"), "type": None, "options": [], "equals": [],
                       "pairs": [], "items": []}
            for attribute in attributes[1:]:
                if attribute.startswith("type="):
                    current["type"] = attribute[5:]
            questions.append(current)
            continue
        if current is None:
            continue
        if (match := OPTION.match(line)):
            mark = match.group(1).lower()
            correct = mark == "x" or (mark.endswith("%") and float(mark[:-1]) > 0)
            current["options"].append((match.group(2).strip(), correct, mark))
        elif line.startswith("= "):
            current["equals"].append(line[2:].strip())
        elif (match := PAIR.match(line)) and match.group(1).strip():
            current["pairs"].append((match.group(1).strip(), match.group(2).strip()))
        elif (match := NUMBERED.match(line)):
            current["items"].append(match.group(1).strip())

    answers = {}
    for question in questions:
        kind, options = question["type"], question["options"]
        texts = [text for text, _, _ in options]
        if kind in ("essay", "description"):
            continue
        if kind is None:
            if sorted(t.lower() for t in texts) == ["false", "true"]:
                kind = "truefalse"
            elif question["equals"]:
                kind = "short"
            elif question["pairs"]:
                kind = "matching"
            elif question["items"] and not options:
                kind = "ordering"
            else:
                kind = "single"
        accepted = question["equals"] + [t for t, ok, _ in options if ok]
        if kind == "single":
            best = max(range(len(options)), key=lambda i: 100.0 if options[i][2] == "x"
                       else float(options[i][2][:-1]) if options[i][2].endswith("%") else 0.0)
            answers[question["id"]] = best + 1
        elif kind == "multi":
            answers[question["id"]] = [i + 1 for i, (_, ok, _) in enumerate(options) if ok]
        elif kind == "truefalse":
            answers[question["id"]] = next(t for t, ok, _ in options if ok).lower() == "true"
        elif kind == "short":
            exact = [a for a in accepted if "*" not in a.replace("\\*", "")]
            answers[question["id"]] = (exact or [accepted[0].replace("*", "")])[0].replace("\\*", "*")
        elif kind in ("numeric", "number"):
            value = re.split(r"\s*(?:±|\+-|\.\.)\s*", accepted[0])[0]
            answers[question["id"]] = value
        elif kind == "matching":
            answers[question["id"]] = {prompt: answer for prompt, answer in question["pairs"]}
        elif kind == "ordering":
            answers[question["id"]] = list(question["items"])   # by text: a number is refused
    return answers


def checklist_ratings(settings, body):
    level = settings.get("pass_level") or "competent"
    methods = settings.get("methods", "[role-play]").strip("[]").split(",")
    ratings = {m.group(1): level for line in body.splitlines() if (m := CRITERION.match(line))
               and "(optional)" not in line}
    return {"method": methods[0].strip(), "ratings": ratings}


def main():
    text = open(sys.argv[1], encoding="utf-8").read()
    settings, body = front_matter(text)
    if settings.get("kind") == "checklist":
        print(json.dumps(checklist_ratings(settings, body), ensure_ascii=False, indent=1))
    else:
        print(json.dumps(quiz_answers(body), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
