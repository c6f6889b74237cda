#!/usr/bin/env bash
# The trainee journey in tmux, for a person to watch: a new trainee opens the course map,
# reads module 1, starts its quiz (after its introduction), answers three questions, then the
# window is closed mid-quiz (tmux kill-session: SIGHUP). A new window opens the quiz again by
# itself at question 4, the
# trainee finishes and submits, and the records show the attempt.
#
# Watch it live from another terminal: tmux attach -r -t lantern-demo
# DELAY=2 scripts/learn-demo.sh   slows it down (seconds between keys; default 0.7).
set -euo pipefail
cd "$(dirname "$0")/.."
lantern="$PWD/.build/debug/lantern"
[ -x "$lantern" ] || swift build --product lantern
command -v tmux >/dev/null || { echo "tmux is needed: sudo apt-get install tmux" >&2; exit 1; }
delay="${DELAY:-0.7}"
session=lantern-demo
scratch=$(mktemp -d)
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$scratch"' EXIT
db="$scratch/records.sqlite"
trainee=$("$lantern" trainee add --name "Demo Trainee" --email demo.trainee@example.org --db "$db")

start() {
    tmux kill-session -t "$session" 2>/dev/null || true
    tmux new-session -d -s "$session" -x 80 -y 24 "TERM=xterm-256color '$lantern' learn --trainee $trainee --db '$db'; sleep 30"
    sleep 1
}
key() { tmux send-keys -t "$session" "$@"; sleep "$delay"; }
show() { echo; echo "---- $* ----"; tmux capture-pane -p -t "$session"; }

start
show "the course map of a new trainee"
key Enter;            show "module 1 in the pager"
key Space; key Space; key ']';  show "paging and jumping to a heading"
key / ; tmux send-keys -t "$session" -l "recovery"; key Enter; show "search: /recovery"
key End; key q;       show "back on the map (module 1 read to the end)"
key t;                show "the quiz's introduction (safety-critical questions, pass mark)"
key Enter;            show "the quiz, question 1"
for _ in 1 2 3; do key 1; key Enter; done
show "question 4, three answers saved"
tmux kill-session -t "$session"   # the window is closed mid-quiz
echo; echo "---- window closed mid-quiz (SIGHUP) ----"

start
show "a new window: the open quiz opens by itself, at question 4"
for _ in $(seq 1 8); do
    screen=$(tmux capture-pane -p -t "$session")
    if grep -q "Review" <<<"$screen"; then break; fi
    if grep -q "letter of its match" <<<"$screen"; then key -l "a a a a"; key Enter; continue; fi
    if grep -q "numbers in the right order" <<<"$screen"; then key -l "1 2 3 4"; key Enter; continue; fi
    key 1; key Enter
done
show "review before submitting"
key Enter;            show "the result"
key q;                show "the map after the quiz"
key q
echo; echo "---- the records (lantern progress) ----"
"$lantern" progress "$trainee" --db "$db"
