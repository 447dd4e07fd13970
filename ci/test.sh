#!/usr/bin/env bash
# The one test command: setup, format, lints, host tests (on x86-64 the JIT's x86-64 code runs
# natively and its AArch64 code in Unicorn),
# cross tests (everything built for aarch64 and run natively under qemu-aarch64), a smoke run
# of the differential fuzzer (a fixed seed range), and a quick benchmark run (tiny sizes, one
# run) so the benchmark harness cannot rot.
#
#   ci/test.sh            every stage
#   ci/test.sh host       setup + host tests only
#   ci/test.sh cross      setup + cross tests only
#   ci/test.sh lint       setup + fmt, clippy, actionlint
#   ci/test.sh fuzz       setup + `ci/fuzz.sh --smoke` (the fuzzer's self-test, then a fixed
#                         seed range in every JIT mode against --no-jit, with the cross stage's
#                         debug build of kiln for aarch64 under qemu-aarch64; builds it otherwise)
#   ci/test.sh bench      setup + `ci/bench.sh quick` (reuses the cross stage's debug build of
#                         kiln for aarch64 when present; builds it otherwise)
#
# Each stage prints its name; the first failure stops the run with a non-zero status.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
case "$what" in all|host|cross|lint|fuzz|bench) ;; *) echo "usage: ci/test.sh [all|host|cross|lint|fuzz|bench]" >&2; exit 2 ;; esac

stage() { printf '\n==> %s\n' "$*"; }
want() { [ "$what" = all ] || [ "$what" = "$1" ]; }

stage "setup"
ci/setup.sh

if want lint; then
  stage "cargo fmt --check"
  cargo fmt --check
  stage "cargo clippy --all-targets -- -D warnings"
  cargo clippy --all-targets -- -D warnings
  stage "actionlint"
  actionlint
fi

if want host; then
  stage "host tests (x86_64 hosts: x86-64 JIT code natively, AArch64 JIT code in Unicorn)"
  log=$(mktemp)
  cargo test 2>&1 | tee "$log"
  ci/count-tests.sh host "$log"
  rm -f "$log"
fi

if want cross; then
  stage "cross tests (aarch64: JIT code runs natively under qemu-aarch64)"
  ci/cross-test.sh
fi

if want fuzz; then
  stage "fuzz: ci/fuzz.sh --smoke (fixed seeds, every JIT mode against --no-jit, aarch64 under qemu-aarch64)"
  ci/fuzz.sh --smoke
fi

if want bench; then
  stage "bench: ci/bench.sh quick (tiny sizes, one run: a smoke test, not a measurement)"
  start=$(date +%s)
  ci/bench.sh quick
  echo "bench stage: $(( $(date +%s) - start )) s"
fi

stage "all requested stages passed ($what)"
