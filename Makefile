# schemac — the two commands a fresh machine needs:
#   make run    build schemac and generate migrations + models for schema/ into generated/
#   make test   every test: unit, golden, and integration tests on a real PostgreSQL 15
SHELL := /bin/bash
SWIFT ?= swift
SCHEMA ?= schema
OUT ?= generated

.PHONY: run test deps build build-release check-generated golden-update bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build

build-release: deps
	$(SWIFT) build -c release

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
	$(SWIFT) build -c release --product schemac
	$(SWIFT) build -c release --product schemac-bench
	.build/release/schemac-bench --sizes 100,1000,5000 --runs 5 --schemac .build/release/schemac --report docs/benchmarks.md
