#!/usr/bin/env python3
"""How often does a content-blind answer sheet pass each quiz?

A content-blind answer sheet answers from the look of the options, never from what they say:
"pick the longest option", "never pick an option with 'always' or 'never' in it", "true/false is
always False", "always answer b", or plain chance. If such a sheet passes a quiz often, the quiz is
not evidence of knowledge. This script plays each strategy against every quiz in
`assessments/` under the quiz's own rules, many times, and prints the share of attempts passed.

What it models (the rules of docs/authoring.md and docs/decisions.md):

- The draw. `draw: N` (or the mapping form `draw: {count, per_outcome, per_tag}`) picks N
  questions from the bank. By default every `critical` question is always drawn (the rule of
  docs/decisions.md); `--release-draw` models the previous release instead, which drew N at random
  with no regard to critical questions. Description questions are never drawn.
- Scoring. Single choice and true/false score the chosen option's credit (clamped to 0..1);
  multiple response sums the ticked options' credits ([x] share +100 %, [ ] share -100 %, written
  credits as written), clamped to 0..1, or all-or-nothing; ordering and matching score as the
  engine does (all-or-nothing, per position, or longest run); short and numeric answers score 0 (a
  blind sheet cannot write the words). The total is sum(score x points) / sum(points).
- Passing. The total reaches `pass` and every drawn critical question scores 1.
- Attempts. A pass rate p per attempt means 1 - (1 - p)^k within the quiz's `attempts` cap k
  (shown as "in k"; unlimited attempts are shown as "-").
- Answer sheets name options by their number or letter in the quiz file (not the shuffled
  order a trainee sees), so "always b" means the second option as written. Ordering items named
  by number are the written order, which is the right order: every strategy except "random"
  answers ordering and matching questions in written order, the worst case for the quiz.

Strategies:
  longest         single: the longest option; true/false: the longer word ("False");
                  multiple: tick every option at least as long as the average.
  shortest        single: the shortest option; otherwise as random.
  second-longest  single: the second-longest option (a sheet that has learnt "not the longest");
                  otherwise as random.
  never-absolute  single: a random option without an absolute word (always, never, all, every,
                  only, must, none, no one, nothing, ...); true/false: False when the statement
                  has an absolute word, else True; multiple: tick every option without one.
  always-false    true/false: False; single: a random option; multiple: a random half.
  always-true     as always-false, with True.
  always-a..d     single and multiple: option a (b, c, d) only; true/false: option a (b).
  random          every answer at random (multiple: each option ticked with chance 1/2).
  combination     single: the longest option without an absolute word; true/false: False when
                  the statement has an absolute word, True when it hedges (may, can, some, often,
                  usually), else False; multiple: tick options without an absolute word that are
                  at least average length.

Usage:
  python3 scripts/blind-guess.py [--runs 20000] [--seed 1] [--release-draw] [--json] [QUIZ.md ...]
  python3 scripts/blind-guess.py --cues      # the answer-cue audit: keyed-longest, true/false keys,
                                             # key positions, absolutes in keyed and wrong options

Standard library plus PyYAML (for front matter). Exits 0; with --fail-above PCT, exits 1 when any
strategy passes any quiz more often than PCT per attempt.
"""

import argparse
import glob
import json
import os
import random
import re
import sys

import yaml

ABSOLUTES = re.compile(
    r"\b(always|never|all|every|everyone|everything|everybody|only|must|none|nothing|no one|nobody|"
    r"completely|entirely|totally|guarantee[sd]?|certainly|definitely|forever|whatever|any time|"
    r"at once|straight away|immediately)\b", re.IGNORECASE)
HEDGES = re.compile(r"\b(may|might|can|could|some|sometimes|often|usually|many|most)\b", re.IGNORECASE)

HEADING = re.compile(r"^## (.*?)\s*\{([^}]*)\}\s*$")
CHOICE = re.compile(r"^- \[( |x|X|-?\d+(?:\.\d+)?%)\] (.*)$")
ORDERED = re.compile(r"^\d+[.)] (.*)$")
MATCH = re.compile(r"^- (.*?)\s*->\s*(.*)$")


class Question:
    def __init__(self, qid, stem, attrs):
        self.id = qid
        self.stem = stem
        self.type = attrs.get("type")
        self.critical = "critical" in attrs
        self.outcomes = [o for o in attrs.get("outcome", "").split(",") if o]
        self.tags = [t for t in attrs.get("tags", "").split(",") if t]
        self.points = int(attrs.get("points", "1"))
        self.partial = attrs.get("partial", "all")
        self.all_or_nothing = "all-or-nothing" in attrs
        self.choices = []      # (text, marker) marker: 'x', ' ' or a percent string
        self.items = []        # ordering items, right order
        self.pairs = []        # (prompt, answer); prompt '' = distractor
        self.line = 0

    def infer_type(self):
        if self.type:
            return
        if self.items:
            self.type = "ordering"
        elif self.pairs:
            self.type = "matching"
        elif len(self.choices) == 2 and {c[0].strip().lower() for c in self.choices} == {"true", "false"}:
            self.type = "truefalse"
        else:
            self.type = "single"

    def credits(self):
        """The credit of each choice, as the engine computes it."""
        if self.type != "multi":
            return [1.0 if m.lower() == "x" else (float(m[:-1]) / 100 if m.endswith("%") else 0.0)
                    for _, m in self.choices]
        explicit = [float(m[:-1]) / 100 for _, m in self.choices if m.endswith("%")]
        positive = sum(v for v in explicit if v > 0)
        negative = sum(v for v in explicit if v < 0)
        right = sum(1 for _, m in self.choices if m.lower() == "x")
        wrong = sum(1 for _, m in self.choices if m == " ")
        right_share = 0 if right == 0 or positive >= 1 else (1 - positive) / right
        wrong_share = 0 if wrong == 0 or negative <= -1 else (-1 - negative) / wrong
        out = []
        for _, m in self.choices:
            if m.lower() == "x":
                out.append(right_share)
            elif m == " ":
                out.append(wrong_share)
            else:
                out.append(float(m[:-1]) / 100)
        return out


def parse_attrs(text):
    attrs = {}
    for token in text.split():
        if token.startswith("#"):
            attrs["id"] = token[1:]
        elif "=" in token:
            k, v = token.split("=", 1)
            attrs[k] = v
        else:
            attrs[token] = True
    return attrs


def parse_quiz(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    front = {}
    start = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                front = yaml.safe_load("\n".join(lines[1:i])) or {}
                start = i + 1
                break
    questions = []
    current = None
    for number, line in enumerate(lines[start:], start=start + 1):
        m = HEADING.match(line)
        if m:
            attrs = parse_attrs(m.group(2))
            current = Question(attrs.get("id"), m.group(1), attrs)
            current.line = number
            questions.append(current)
            continue
        if current is None:
            continue
        m = CHOICE.match(line)
        if m and current.type not in ("short", "numeric"):
            current.choices.append((m.group(2).strip(), m.group(1)))
            continue
        m = ORDERED.match(line)
        if m:
            current.items.append(m.group(1).strip())
            continue
        m = MATCH.match(line)
        if m and not line.startswith("- ["):
            current.pairs.append((m.group(1).strip(), m.group(2).strip()))
    for q in questions:
        q.infer_type()
    return front, questions


def draw_rule(front):
    d = front.get("draw")
    if d is None:
        return None, 0, {}
    if isinstance(d, dict):
        return int(d.get("count")), int(d.get("per_outcome", 0) or 0), dict(d.get("per_tag") or {})
    return int(d), 0, {}


def percent(value):
    return float(str(value).rstrip("%")) / 100


def draw(bank, front, rng, release):
    count, per_outcome, per_tag = draw_rule(front)
    if count is None or count >= len(bank):
        return list(bank)
    if release:
        return rng.sample(bank, count)
    chosen = [q for q in bank if q.critical]
    rest = [q for q in bank if not q.critical]
    rng.shuffle(rest)

    def take(pred, n):
        have = sum(1 for q in chosen if pred(q))
        for q in list(rest):
            if have >= n:
                break
            if pred(q):
                chosen.append(q)
                rest.remove(q)
                have += 1
    if per_outcome:
        for outcome in sorted({o for q in bank for o in q.outcomes}):
            take(lambda q, o=outcome: o in q.outcomes, per_outcome)
    for tag, n in sorted(per_tag.items()):
        take(lambda q, t=tag: t in q.tags, int(n))
    while len(chosen) < count and rest:
        chosen.append(rest.pop())
    return chosen


def has_absolute(text):
    return bool(ABSOLUTES.search(text))


def answer(q, strategy, rng):
    """Returns the score (0..1) the strategy earns on question q."""
    t = q.type
    if t in ("short", "numeric", "essay"):
        return 0.0
    if t == "ordering":
        order = list(range(len(q.items)))
        if strategy == "random":
            rng.shuffle(order)
        return grade_order(q, order)
    if t == "matching":
        prompts = [p for p in q.pairs if p[0]]
        if strategy == "random":
            answers = list(dict.fromkeys([a for _, a in q.pairs]))
            picks = [rng.choice(answers) for _ in prompts]
        else:
            picks = [a for _, a in prompts]
        return sum(1 for (p, a), pick in zip(prompts, picks) if a == pick) / len(prompts)
    credits = q.credits()
    n = len(q.choices)
    texts = [c[0] for c in q.choices]
    if t == "truefalse":
        index_of = {c[0].strip().lower(): i for i, c in enumerate(q.choices)}
        if strategy in ("longest", "always-false"):
            pick = index_of["false"]
        elif strategy == "always-true":
            pick = index_of["true"]
        elif strategy == "never-absolute":
            pick = index_of["false"] if has_absolute(q.stem) else index_of["true"]
        elif strategy == "combination":
            if has_absolute(q.stem):
                pick = index_of["false"]
            elif HEDGES.search(q.stem):
                pick = index_of["true"]
            else:
                pick = index_of["false"]
        elif strategy.startswith("always-"):
            pick = min("abcd".index(strategy[-1]), n - 1)
        else:
            pick = rng.randrange(n)
        return max(0.0, min(1.0, credits[pick]))
    if t == "multi":
        avg = sum(len(x) for x in texts) / n
        if strategy == "longest":
            ticked = [i for i in range(n) if len(texts[i]) >= avg]
        elif strategy == "never-absolute":
            ticked = [i for i in range(n) if not has_absolute(texts[i])]
        elif strategy == "combination":
            ticked = [i for i in range(n) if not has_absolute(texts[i]) and len(texts[i]) >= avg]
        elif strategy in ("always-a", "always-b", "always-c", "always-d"):
            ticked = [min("abcd".index(strategy[-1]), n - 1)]
        else:
            ticked = [i for i in range(n) if rng.random() < 0.5]
        if q.all_or_nothing:
            right = {i for i in range(n) if credits[i] > 0}
            return 1.0 if set(ticked) == right else 0.0
        return max(0.0, min(1.0, sum(credits[i] for i in ticked)))
    # single choice
    if strategy == "longest":
        pick = max(range(n), key=lambda i: (len(texts[i]), -i))
    elif strategy == "shortest":
        pick = min(range(n), key=lambda i: (len(texts[i]), i))
    elif strategy == "second-longest":
        pick = sorted(range(n), key=lambda i: (-len(texts[i]), i))[min(1, n - 1)]
    elif strategy == "never-absolute":
        pool = [i for i in range(n) if not has_absolute(texts[i])] or list(range(n))
        pick = rng.choice(pool)
    elif strategy == "combination":
        pool = [i for i in range(n) if not has_absolute(texts[i])] or list(range(n))
        pick = max(pool, key=lambda i: (len(texts[i]), -i))
    elif strategy in ("always-a", "always-b", "always-c", "always-d"):
        pick = min("abcd".index(strategy[-1]), n - 1)
    else:
        pick = rng.randrange(n)
    return max(0.0, min(1.0, credits[pick]))


def grade_order(q, order):
    n = len(q.items)
    if q.partial == "position":
        return sum(1 for i, v in enumerate(order) if v == i) / n
    if q.partial == "sequence":
        tails = []
        for v in order:
            import bisect
            k = bisect.bisect_left(tails, v)
            if k == len(tails):
                tails.append(v)
            else:
                tails[k] = v
        return 0.0 if len(tails) < 2 else len(tails) / n
    return 1.0 if order == list(range(n)) else 0.0


STRATEGIES = ["longest", "shortest", "second-longest", "never-absolute", "always-false", "always-true", "always-a", "always-b", "always-c", "always-d",
              "random", "combination"]


def simulate(front, questions, strategy, runs, seed, release):
    bank = [q for q in questions if q.type != "description"]
    mark = percent(front.get("pass", "80%"))
    rng = random.Random(f"{seed}:{strategy}")
    passed = 0
    for _ in range(runs):
        drawn = draw(bank, front, rng, release)
        earned = possible = 0.0
        ok = True
        for q in drawn:
            score = answer(q, strategy, rng)
            points = 0 if q.type == "essay" else q.points
            earned += score * points
            possible += points
            if q.critical and score < 1 - 1e-9:
                ok = False
        total = earned / possible if possible else 0
        if ok and total >= mark - 1e-9:
            passed += 1
    return passed / runs


def cue_audit(front, questions):
    single = [q for q in questions if q.type == "single"]
    keyed_longest = 0
    ratios = []
    positions = [0, 0, 0, 0, 0, 0]
    ranks = [0, 0, 0, 0, 0, 0]
    abs_key = abs_wrong_only = 0
    for q in single:
        credits = q.credits()
        key = credits.index(max(credits))
        lengths = [len(c[0]) for c in q.choices]
        if lengths[key] == max(lengths):
            keyed_longest += 1
        ranks[min(sorted(lengths, reverse=True).index(lengths[key]), 5)] += 1
        others = [l for i, l in enumerate(lengths) if i != key]
        ratios.append(lengths[key] / (sum(others) / len(others)))
        positions[min(key, 5)] += 1
        if has_absolute(q.choices[key][0]):
            abs_key += 1
        wrong_abs = [i for i in range(len(q.choices)) if i != key and has_absolute(q.choices[i][0])]
        if wrong_abs and not has_absolute(q.choices[key][0]):
            abs_wrong_only += 1
    tf = [q for q in questions if q.type == "truefalse"]
    tf_true = sum(1 for q in tf if q.credits()[[c[0].strip().lower() for c in q.choices].index("true")] == 1)
    bank = [q for q in questions if q.type != "description"]
    crit = sum(1 for q in bank if q.critical)
    count, _, _ = draw_rule(front)
    return {
        "bank": len(bank), "draw": count, "critical": crit, "attempts": front.get("attempts", 0),
        "single": len(single), "keyed_longest": keyed_longest,
        "key_to_mean_other_length": round(sum(ratios) / len(ratios), 2) if ratios else None,
        "key_positions_abcd": positions[:4], "key_length_rank": ranks[:4], "keyed_with_absolute": abs_key,
        "absolute_only_in_wrong": abs_wrong_only,
        "truefalse": len(tf), "truefalse_true": tf_true,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("quizzes", nargs="*")
    ap.add_argument("--runs", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--release-draw", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--cues", action="store_true")
    ap.add_argument("--fail-above", type=float, default=None)
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    paths = args.quizzes or sorted(glob.glob(os.path.join(root, "assessments", "*.md")))
    results = {}
    for path in paths:
        front, questions = parse_quiz(path)
        if front.get("kind") != "quiz":
            continue
        name = front.get("id", os.path.basename(path)[:-3])
        if args.cues:
            results[name] = cue_audit(front, questions)
        else:
            results[name] = {s: simulate(front, questions, s, args.runs, args.seed, args.release_draw)
                             for s in STRATEGIES}
            results[name]["_attempts"] = front.get("attempts", 0)
    if args.json:
        print(json.dumps(results, indent=2))
    elif args.cues:
        keys = ["bank", "draw", "critical", "attempts", "single", "keyed_longest", "key_to_mean_other_length",
                "key_positions_abcd", "key_length_rank", "keyed_with_absolute", "absolute_only_in_wrong", "truefalse", "truefalse_true"]
        print("quiz".ljust(24) + "  ".join(k for k in keys))
        totals = {"single": 0, "keyed_longest": 0, "truefalse": 0, "truefalse_true": 0}
        for name, r in results.items():
            print(name.ljust(24) + "  ".join(str(r[k]) for k in keys))
            for k in totals:
                totals[k] += r[k]
        print(f"all: keyed-longest {totals['keyed_longest']}/{totals['single']} single-choice items "
              f"({100 * totals['keyed_longest'] / max(1, totals['single']):.0f} %); "
              f"true/false keyed True {totals['truefalse_true']}/{totals['truefalse']}")
    else:
        print(f"Pass rate per attempt (%), {args.runs} attempts per quiz and strategy, "
              f"{'release draw (critical not forced)' if args.release_draw else 'critical questions always drawn'}")
        short = {"longest": "longest", "shortest": "short", "second-longest": "2nd", "never-absolute": "no-abs", "always-false": "false", "always-true": "true", "always-a": "a",
                 "always-b": "b", "always-c": "c", "always-d": "d", "random": "random", "combination": "combo"}
        print("quiz".ljust(24) + "".join(short[s].rjust(8) for s in STRATEGIES) + "   worst  in-cap")
        for name, r in results.items():
            worst = max(r[s] for s in STRATEGIES)
            k = r["_attempts"] or 0
            cap = f"{100 * (1 - (1 - worst) ** k):6.1f}" if k else "     -"
            print(name.ljust(24) + "".join(f"{100 * r[s]:8.1f}" for s in STRATEGIES) + f"  {100 * worst:6.1f}  {cap}")
    if args.fail_above is not None and not args.cues:
        if any(r[s] * 100 > args.fail_above for r in results.values() for s in STRATEGIES):
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
