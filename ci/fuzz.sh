#!/usr/bin/env bash
# The differential fuzzer (fuzz/): random terminating, deterministic programs (fuzz/gen.py,
# seed N always gives the same program) run with `kiln --no-jit` and in every JIT mode (and in
# node with --node); any difference in stdout or exit status, crash or timeout is minimized to
# a small reproducer under fuzz/out/SEED/ (fuzz/run.py). Exits non-zero on any divergence or
# invalid program.
#
#   ci/fuzz.sh [--kiln CMD] [--seeds A..B | --seeds A.. --minutes M] [--modes jit0,deopt,jit,gc]
#              [--isas x86_64,aarch64] [--jobs N] [--node] [--timeout S] [--gc-every N]
#              [--out DIR] [--file F.js]
#   ci/fuzz.sh --self-test      the fuzzer's own tests (fuzz/test_fuzz.py: a fake engine with
#                               a known bug must be caught and minimized to the trigger)
#   ci/fuzz.sh --smoke          what `ci/test.sh fuzz` runs: the self-test, then a fixed seed
#                               range with the aarch64 debug kiln under qemu-aarch64 (natively
#                               on an aarch64 host), building it when missing; on x86-64 hosts
#                               then the same seeds with --isas x86_64,aarch64 on the host build
#
# --kiln is a command prefix (default: target/release/kiln, else target/debug/kiln), e.g.
#   ci/fuzz.sh --kiln "qemu-aarch64 target-aarch64/aarch64-unknown-linux-gnu/release/kiln" \
#              --seeds 1000.. --minutes 60 --node
# Modes: jit0 (--jit-threshold 0), deopt (jit0 + --deopt-stress), jit (default thresholds:
# --jit, or --jit-threshold 100 where kiln has no --jit flag), gc (jit0 + --gc-stress, on every
# 4th seed), node. Reference: --no-jit. --isas runs every JIT mode once per back end
# (`kiln --jit-isa ISA`; modes are then named jit0@x86_64, jit0@aarch64, ...): on an x86-64 host
#   ci/fuzz.sh --kiln target/release/kiln --isas x86_64,aarch64 --seeds 1.. --minutes 60
# compares the interpreter, the native x86-64 JIT and the AArch64 JIT in Unicorn.
set -euo pipefail
cd "$(dirname "$0")/.."

# The smoke range: deterministic (a seed range, not a time budget); about a minute and a half
# on a loaded 2-core x86_64 machine with the debug build under qemu-aarch64 (then, on x86_64
# hosts, the same seeds with the native x86-64 back end). Two programs run at a time (the
# machines have 2 cores; the runs are single-threaded).
SMOKE_SEEDS=${KILN_FUZZ_SMOKE_SEEDS:-1..12}

case "${1:-}" in
  --self-test)
    shift
    exec python3 -m unittest discover -s fuzz -p 'test_*.py' "$@"
    ;;
  --smoke)
    shift
    start=$(date +%s)
    python3 -m unittest discover -s fuzz -p 'test_*.py'
    if [ "$(uname -m)" = aarch64 ] || [ "$(uname -m)" = arm64 ]; then
      cargo build --bin kiln
      kiln=target/debug/kiln
    else
      # The cross stage's debug build (ci/cross-test.sh); cargo only checks it is fresh.
      cross_dir=${KILN_CROSS_TARGET_DIR:-target-aarch64}
      RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc \
      CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
      CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER=qemu-aarch64 \
      CARGO_TARGET_DIR="$cross_dir" \
        /usr/bin/cargo build --target aarch64-unknown-linux-gnu --bin kiln
      kiln="qemu-aarch64 $cross_dir/aarch64-unknown-linux-gnu/debug/kiln"
    fi
    node=()
    command -v node >/dev/null 2>&1 && node=(--node)
    python3 fuzz/run.py --kiln "$kiln" --seeds "$SMOKE_SEEDS" --gc-every 3 --jobs 2 \
      --timeout 120 "${node[@]}" "$@"
    if [ "$(uname -m)" = x86_64 ]; then
      # The cross-ISA check: the same programs on the host build, every JIT mode with the
      # native x86-64 back end and the AArch64 one in Unicorn, against its interpreter. In the
      # smoke run the AArch64 back end (already fuzzed in every mode under qemu above) runs
      # jit0 and gc only: in Unicorn, deopt and default thresholds take minutes per program.
      cargo build --bin kiln
      python3 fuzz/run.py --kiln target/debug/kiln --seeds "$SMOKE_SEEDS" --gc-every 3 \
        --modes jit0@x86_64,deopt@x86_64,jit@x86_64,gc@x86_64,jit0@aarch64,gc@aarch64 \
        --jobs 2 --timeout 120 "$@"
    fi
    echo "fuzz smoke: $(( $(date +%s) - start )) s"
    ;;
  *)
    exec python3 fuzz/run.py "$@"
    ;;
esac
