#!/usr/bin/env bash
# Lantern's main job, end to end, on the shipped workspace and its embedded default database
# (.lantern/records.sqlite, created on first use): check the Peer Support Worker program,
# enrol a sample trainee, record quiz attempts, observed checklists and practicum hours, issue
# and verify a certificate, and build the website with its verification pages.
#
# Safe to run again: the sample trainee (external id demo-sam) is set up once and reused.
set -euo pipefail
cd "$(dirname "$0")/.."
lantern="$PWD/.build/debug/lantern"
unset LANTERN_DB   # the embedded default: .lantern/records.sqlite in this workspace

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
if [ -n "${NO_COLOR:-}" ] || [ ! -t 1 ]; then step() { printf '\n==> %s\n' "$*"; }; fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

step "1. Check the shipped program (lantern check)"
"$lantern" check

step "2. A module as a trainee reads it (lantern read crisis | head -n 12)"
("$lantern" read crisis --width 80 || true) | head -n 12
echo "   … ('lantern read MODULE' prints a whole module; 'lantern learn' is the full course)"

step "3. Enrol a sample trainee and an assessor (lantern trainee add, assessor add, enroll)"
if trainee=$("$lantern" trainee show demo-sam --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["trainee"]["id"])' 2>/dev/null); then
  echo "   the sample trainee already exists: $trainee (records are append-only; reusing them)"
  fresh=0
else
  trainee=$("$lantern" trainee add --name "Sam Rivera" --preferred-name Sam --email sam.rivera@example.org \
    --external-id demo-sam --public-name --as demo)
  "$lantern" assessor add demo-assessor --name "Jo Smith" --role assessor --role supervisor --as demo >/dev/null 2>&1 || true
  "$lantern" enroll "$trainee" --cohort demo-cohort --as demo >/dev/null
  echo "   trainee $trainee enrolled in cohort demo-cohort; assessor demo-assessor"
  fresh=1
fi

if [ "$fresh" = 1 ]; then
  step "4. Record a quiz attempt for every module (lantern quiz take … --answers FILE)"
  for quiz in assessments/*-quiz.md assessments/final-exam.md; do
    id=$(basename "$quiz" .md)
    python3 scripts/demo/answer_key.py "$quiz" > "$scratch/answers.json"
    printf '   %-24s ' "$id"
    "$lantern" quiz take "$id" --trainee "$trainee" --answers "$scratch/answers.json" --as demo 2>/dev/null | sed -n 2p
  done

  step "5. Record two observed occasions of every checklist (lantern checklist record)"
  count=0
  for checklist in $(grep -l '^kind: checklist' assessments/*.md); do
    id=$(basename "$checklist" .md)
    python3 scripts/demo/answer_key.py "$checklist" > "$scratch/ratings.json"
    for days in 20 6; do
      day=$(date -u -d "-$days days" +%F)
      "$lantern" checklist record "$id" --trainee "$trainee" --assessor demo-assessor --ratings "$scratch/ratings.json" \
        --date "$day" --as demo >/dev/null
      count=$((count + 1))
    done
  done
  echo "   $count observations recorded, all criteria at the pass level"

  step "6. Log 80 practicum hours, signed off by the supervisor (lantern hours log)"
  for days in 40 33 26 19 12; do
    "$lantern" hours log "$trainee" --hours 16 --supervisor demo-assessor --signed-off \
      --date "$(date -u -d "-$days days" +%F)" --as demo >/dev/null
  done
  echo "   5 × 16 hours logged and signed off"
fi

step "7. What the trainee has met (lantern cert status)"
"$lantern" cert status "$trainee" || true

step "8. Issue and verify the certificate (lantern keys generate, cert issue, cert verify)"
if "$lantern" keys list | grep -qi '^no signing keys'; then "$lantern" keys generate; fi
# A trainee holds one current certificate: issue it on the first run only.
held=$("$lantern" cert list --trainee "$trainee" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
if [ "$held" = 0 ]; then
  # The shipped example organisation lives at lantern.example.org, a placeholder domain: a real
  # organisation sets its own address in lantern.yml and 'cert issue' refuses placeholders.
  echo "   (demo: signing the example organisation's placeholder address with --allow-placeholder)"
  "$lantern" cert issue "$trainee" --allow-placeholder --as demo
fi
certificate=$("$lantern" cert list --trainee "$trainee" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[-1]["id"])')
"$lantern" cert publish -o "$scratch/published" >/dev/null
# Privacy by default: the sample trainee did not agree to publication, so the site does not list
# the credential; the holder gets the signed JWT (and a printable certificate) to show instead.
"$lantern" cert export "$certificate" --format jwt -o "$scratch/credential.jwt"
echo "   the holder's credential: cert export $certificate --format jwt (not published: no consent given)"
# Exit status: 0 valid, 1 not valid, 3 cannot check (an issuer file missing or unreadable).
"$lantern" cert verify "$scratch/credential.jwt" \
  --issuer "$scratch/published/issuer.json" --keys "$scratch/published/jwks.json" \
  --status "$scratch/published/status/list.jwt" --email sam.rivera@example.org
echo "   Without the status list the answer is 'cannot check' (exit 3), never 'valid':"
set +e
(cd "$scratch/published" && "$lantern" cert verify "$scratch/credential.jwt" --issuer issuer.json) | tail -n 2
code=${PIPESTATUS[0]}
set -e
echo "   exit status $code"
[ "$code" = 3 ] || { echo "error: expected exit status 3 (cannot check)" >&2; exit 1; }

step "9. Build the website with its verification pages (lantern build --check-links)"
"$lantern" build --check-links

step "10. What a trainer sees when a file has mistakes (a scratch copy)"
"$lantern" init "$scratch/course" >/dev/null
sed -i 's/^title: Welcome$/titel: Welcome/; s/^minutes: 20$/minutes: twenty/' "$scratch/course/curriculum/welcome.md"
printf '\nSee [the crisis module](crisis.md).\n' >> "$scratch/course/curriculum/welcome.md"
( cd "$scratch/course" && "$lantern" check ) || echo "   (exit status 1: errors were found)"

step "Done — where to look"
cat <<TEXT
  Records:      .lantern/records.sqlite (mode 0600) — try: $lantern progress $trainee
  Certificate:  $certificate — try: $lantern cert show $certificate
  Website:      site/index.html; certificate page site/credentials/$certificate/
                (serve it to verify in a browser: python3 -m http.server -d site 8000)
  Learn:        $lantern learn --trainee $trainee        (the course map, reader and quizzes)
  Over SSH:     $lantern serve   then, for a trainee:  $lantern trainee invite $trainee
                and  ssh -p 2222 enrol@127.0.0.1  with the code (see docs/serve.md)
  Help:         $lantern --help
TEXT
