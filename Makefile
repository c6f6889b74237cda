# Lantern — the two commands in the README, and a few more.
SWIFT ?= swift

.PHONY: demo test deps build bench bench-serve bench-serve-faults bench-quick bench-check bench-records bench-site bench-site-quick browser-check sanitize sanitize-address sanitize-thread fuzz clean

## Install what is missing, build, and run Lantern's main job on the shipped workspace.
demo: deps
	$(SWIFT) build --product lantern
	scripts/demo.sh

## Install what is missing, build, and run every test.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

## System libraries (libcmark-dev, libsqlite3-dev) through apt-get when missing.
deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build --product lantern

## Lantern beside its peers, one table (site vs libcmark and Hugo 0.168, check, grading, records,
## certificates, start-up), then lantern serve under load and under hostile clients (the two
## targets below); see BENCHMARKS.md. The records database is cached between runs.
bench: deps
	scripts/bench.sh
	$(MAKE) bench-serve bench-serve-faults

## The same, smaller (no 10,000-module site, 100,000-attempt records), for iteration.
bench-quick: deps
	scripts/bench.sh --quick

## lantern serve under N concurrent OpenSSH sessions (SESSIONS=500): time to first screen,
## keystroke-to-screen (lock-step bursts and human-paced), memory per idle session, a quiz taken
## in every session at once, CPU of server and clients; beside OpenSSH's sshd running one
## `lantern learn` per session when /usr/sbin/sshd exists (openssh-server, not part of deps).
SESSIONS ?= 500
bench-serve: deps
	$(SWIFT) build -c release --product lantern
	scripts/bench-serve.py --sessions $(SESSIONS) --compare-sshd --lantern .build/release/lantern

## Hostile clients (wrong keys, no PTY, 1x1 and 10,000x10,000 windows, garbage, clients that stop
## reading, 1,000 connections a second, a disconnect in every state) while HONEST=20 trainees work;
## makes .build/bench-venv with asyncssh (PyPI) on first run.
HONEST ?= 20
bench-serve-faults: deps
	$(SWIFT) build -c release --product lantern
	scripts/bench-serve-faults.py --honest $(HONEST) --lantern .build/release/lantern

## Time `lantern check` on the reference workload (1,000 generated modules).
bench-check: deps
	scripts/bench-check.sh

## Records benchmark: 1,000,000 quiz attempts for 10,000 trainees (see docs/records.md).
bench-records: deps
	scripts/bench-records.sh

## The test suite under AddressSanitizer, then ThreadSanitizer (separate build folders; not part of `make test`).
## Reports from every process, the spawned `lantern` included, land in .build-?san/sanitizer-logs/;
## any report fails the target (scripts/sanitize.sh; ASan includes leak checking; suppressions for
## code Lantern does not own in scripts/lsan-suppressions.txt and scripts/tsan-suppressions.txt).
sanitize: sanitize-address sanitize-thread

sanitize-address: deps
	scripts/sanitize.sh address

sanitize-thread: deps
	scripts/sanitize.sh thread

## Fuzz every user-file parser with libFuzzer: `make fuzz FUZZ_SECONDS=300` (or scripts/fuzz.sh TARGET SECONDS).
FUZZ_SECONDS ?= 60
fuzz: deps
	scripts/fuzz.sh all $(FUZZ_SECONDS)

## lantern build side by side with libcmark alone, Hugo 0.168 and the previous release (ac5aaf9,
## built in a worktree beside this one, or LANTERN_BASELINE_BIN): 1,000 modules + 10,000 certificates.
bench-site: deps
	scripts/bench-site.sh

## The same, this build against the previous release only: 1,000 modules + 1,000 certificates, 3 runs.
bench-site-quick: deps
	scripts/bench-site.sh --quick

## Verification pages in headless Chromium (installs Debian's chromium when missing).
browser-check: deps
	scripts/browser-check.sh

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz
