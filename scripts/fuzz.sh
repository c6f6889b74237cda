#!/usr/bin/env bash
# Fuzz every parser that reads a user's file with libFuzzer under AddressSanitizer.
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]      (default: all, 60 seconds each)
#
# Builds Fuzz/lantern-fuzz into .build-fuzz (never part of `swift build` / `swift test`), seeds each
# target from the repository's own files, the bad-input corpus, the fuzz regressions and, when
# present, ../shared/conformance (read in place, never copied), then runs it for SECONDS. The
# credential target's seeds are signed at run time by the fuzz issuer (Fuzz/lantern-fuzz).
# Crashes, timeouts (hangs, quadratic blow-ups) and leaks are written to
# .build-fuzz/artifacts/TARGET/; copy each into Tests/Corpus/fuzz-regressions/TARGET/ once fixed.
# Prints executions, coverage (libFuzzer's `cov` edges and `ft` features) and findings per target.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
only=${1:-all}
seconds=${2:-60}
targets=(source-text yaml front-matter config program crisis-resources module markdown quiz checklist gift aiken csv answers ratings credential)
if [[ $only != all ]]; then
    [[ " ${targets[*]} " == *" $only "* ]] || { echo "unknown target '$only'; one of: ${targets[*]}" >&2; exit 2; }
    targets=("$only")
fi

# SwiftPM passes -sanitize=fuzzer and -sanitize=address as two flags, and swiftc keeps only the last:
# without the combined flag, Swift code gets ASan but no coverage counters.
LANTERN_FUZZ=1 swift build --scratch-path .build-fuzz --product lantern-fuzz --sanitize fuzzer --sanitize address \
    -Xswiftc -sanitize=fuzzer,address >&2
bin=$root/.build-fuzz/debug/lantern-fuzz
shared=""
for candidate in "$root/../shared/conformance" "$root/shared/conformance"; do
    [[ -d $candidate ]] && { shared=$candidate; break; }
done

# seeds TARGET FOLDER: copy the seed files for TARGET into FOLDER.
seeds() {
    local target=$1 out=$2 bad=Tests/Corpus/bad-input
    mkdir -p "$out"
    add() { for f in "$@"; do [[ -f $f ]] && cp "$f" "$out/$(echo "$f" | tr '/' '_')"; done; return 0; }
    case $target in
        source-text|markdown|front-matter|module) add curriculum/*.md $bad/modules/* ;;
        yaml) add lantern.yml curriculum/*.yml $bad/lantern-yml/* $bad/program-yml/* $bad/answers/* $bad/ratings/* ;;
        config) add lantern.yml $bad/lantern-yml/* ;;
        program) add curriculum/program.yml $bad/program-yml/* ;;
        crisis-resources) add curriculum/crisis-resources.yml $bad/crisis-resources/* ;;
        quiz) add assessments/*quiz*.md $bad/quizzes/* ;;
        checklist) add assessments/*.md $bad/checklists/* ;;
        gift) add $bad/gift/*; [[ -n $shared ]] && add $(find "$shared" -iname '*.gift' -o -iname '*gift*.txt' | head -50) ;;
        aiken) add $bad/aiken/*; [[ -n $shared ]] && add $(find "$shared" -iname '*aiken*' -type f | head -50) ;;
        csv) add $bad/csv/* ;;
        answers) add $bad/answers/* ;;
        ratings) add $bad/ratings/* ;;
        # Real credentials signed by the fuzz issuer (every verdict), its issuer.json and status
        # list, and the payloads as JSON; then the hand-written bad credentials.
        credential) LANTERN_FUZZ_TARGET=credential LANTERN_FUZZ_SEEDS=$out ASAN_OPTIONS=detect_leaks=0 "$bin" >&2
                    add $bad/credentials/* ;;
    esac
    add Tests/Corpus/fuzz-regressions/$target/* Fuzz/seeds/$target/*
}

summary=()
status=0
for target in "${targets[@]}"; do
    corpus=$root/.build-fuzz/corpus/$target
    artifacts=$root/.build-fuzz/artifacts/$target
    mkdir -p "$corpus" "$artifacts"
    seedDir=$(mktemp -d)
    seeds "$target" "$seedDir"
    log=$root/.build-fuzz/$target.log
    echo "== $target: ${seconds}s ($(ls "$seedDir" | wc -l) seeds)" >&2
    set +e
    LANTERN_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$bin" "$corpus" "$seedDir" \
        -max_total_time="$seconds" -timeout=10 -max_len=16384 -rss_limit_mb=2048 \
        -report_slow_units=2 -artifact_prefix="$artifacts/" -print_final_stats=1 -close_fd_mask=1 >"$log" 2>&1
    code=$?
    set -e
    rm -rf "$seedDir"
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -1)
    cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
    found=$(ls "$artifacts" | grep -Ec '^(crash|timeout|oom|leak|slow-unit)-' || true)
    [[ $code -ne 0 ]] && status=1
    summary+=("$(printf '%-17s %10s execs   %-20s findings: %s%s' "$target" "${execs:-?}" "${cov:-cov: ?}" "$found" "$([[ $code -ne 0 ]] && echo "  (exit $code, see $log)")")")
done
printf '%s\n' "${summary[@]}"
exit $status
