# Lantern — the two commands in the README, and a few more.
SWIFT ?= swift

.PHONY: demo test deps build bench-check bench-records clean

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

## Time `lantern check` on the reference workload (1,000 generated modules).
bench-check: deps
	scripts/bench-check.sh

## Records benchmark: 1,000,000 quiz attempts for 10,000 trainees (see docs/records.md).
bench-records: deps
	scripts/bench-records.sh

clean:
	rm -rf .build
