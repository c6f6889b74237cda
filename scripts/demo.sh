#!/usr/bin/env bash
# Lantern's main job on the shipped workspace: check the Peer Support Worker program, then
# show a module as a trainee reads it in the terminal, then show what a trainer sees when a
# file has a mistake.
set -euo pipefail
cd "$(dirname "$0")/.."
lantern="$PWD/.build/debug/lantern"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
[ -n "${NO_COLOR:-}" ] || [ ! -t 1 ] && step() { printf '\n==> %s\n' "$*"; }

step "Checking the shipped program (lantern check)"
"$lantern" check

step "The first module as a trainee reads it (lantern read foundations | head -n 45)"
("$lantern" read foundations --width 80 || true) | head -n 45
echo "   … (run '$lantern read foundations' for the whole module)"

step "A crisis module opens with where to get help (lantern read crisis | head -n 12)"
("$lantern" read crisis --width 80 || true) | head -n 12

step "What a trainer sees when a file has mistakes (a scratch copy in a temporary folder)"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$lantern" init "$scratch/course" >/dev/null
sed -i 's/^title: Welcome$/titel: Welcome/; s/^minutes: 20$/minutes: twenty/' "$scratch/course/curriculum/welcome.md"
printf '\nSee [the crisis module](crisis.md).\n' >> "$scratch/course/curriculum/welcome.md"
( cd "$scratch/course" && "$lantern" check ) || echo "   (exit status $? — 1 means errors were found)"

step "Building the website (lantern build --check-links)"
"$lantern" build --check-links
echo "   open site/index.html in a browser, or serve it: python3 -m http.server -d site 8000"

step "Done"
cat <<'TEXT'
What happened:
  1. 'lantern check' loaded lantern.yml, curriculum/program.yml, 10 modules and their
     quizzes and checklists, and found no problems.
  2. 'lantern read' rendered Markdown (through libcmark) for an 80-column terminal.
  3. On a broken copy, 'lantern check' named each problem at file:line:column, with a hint,
     and exited 1.
Try next:  .build/debug/lantern --help   (and: .build/debug/lantern read communication)
TEXT
