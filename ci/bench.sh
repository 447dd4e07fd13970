#!/usr/bin/env bash
# The benchmark command: kiln (interpreter and JIT) against node 18 (Ignition, Sparkplug,
# TurboFan), duktape and mujs, all arm64 builds under the same qemu-aarch64; then the same
# programs natively on the host (kiln's native JIT against the host's node) in native/.
#
#   ci/bench.sh quick   tiny sizes, 1 run, debug builds of kiln: a smoke test of the harness
#                       (the `bench` stage of ci/test.sh); results in target/bench/quick/
#                       (BENCH_OUT=DIR to change)
#   ci/bench.sh full    real sizes, 5 runs, release builds: the report, written to bench/results/
#                       (then the WebAssembly report, as `wasm` below, into bench/results/wasm/)
#   ci/bench.sh wasm    the WebAssembly report alone: kiln against node 18 (V8 Liftoff, TurboFan),
#                       wasmtime 51 (Cranelift, Winch), wasmi 2 and wasm3 0.5 (ci/wasm-peers.sh) on
#                       bench/wasm/matmul.wat and the tests/wasi C programs, 5 runs, release build
#                       of kiln; written to bench/results/wasm/ (bench/wasm/run.py, report.py)
#
# quick also runs a kiln-only smoke test of the WebAssembly harness (matmul.wat at N = 40, the
# compile row on a 200-function module, no peers, no WASI programs) into target/bench/quick/wasm/.
#
# Steps: install tools (ci/setup.sh), unpack the peers (ci/peers.sh), build kiln for aarch64
# (Debian's toolchain; quick reuses the cross stage's debug build) and for the host (compile
# throughput), run every program on every engine (bench/run.py: raw JSON), then statistics,
# results.md and ratios.svg (bench/report.py), which also prints the table. See bench/README.md.
#
# Fails (non-zero) when the harness is broken: a peer engine fails a program or the report is
# not written. kiln failing a program is reported per program, not fatal, unless
# BENCH_REQUIRE_KILN=1. Development knobs: BENCH_RUNS=N, BENCH_ONLY=prog,prog,
# BENCH_ENGINES=node,kiln-jit,... (ids in bench/run.py), BENCH_NATIVE=0 (no native section);
# for the WebAssembly part BENCH_WASM_ONLY=matmul.wat,sort and BENCH_WASM_ENGINES=kiln,wasm3,...
# (ids in bench/wasm/run.py), BENCH_WASM=0 (full without the WebAssembly report).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-quick}
case "$mode" in quick|full|wasm) ;; *) echo "usage: ci/bench.sh [quick|full|wasm]" >&2; exit 2 ;; esac
case "$mode" in
  full) out=${BENCH_OUT:-bench/results}; wasm_out=$out/wasm ;;
  wasm) out=${BENCH_OUT:-bench/results/wasm}; wasm_out=$out ;;
  *) out=${BENCH_OUT:-target/bench/quick}; wasm_out=$out/wasm ;;
esac
start=$(date +%s)
stage() { printf '\n==> bench: %s\n' "$*"; }

stage "setup"
ci/setup.sh
peers=$(ci/peers.sh | tail -n 1)
wasm_peers=""
if [ "$mode" = wasm ] || { [ "$mode" = full ] && [ "${BENCH_WASM:-1}" = 1 ]; }; then
  wasm_peers=$(ci/wasm-peers.sh | tail -n 1)
fi

# full and wasm: a release build. quick: the debug build that the cross stage (ci/cross-test.sh)
# already makes with the same toolchain, environment and target directory, so a CI run does
# no second cold build (cargo only checks it is fresh); its times are not measurements.
if [ "$mode" = quick ]; then build=debug; aprofile=(); else build=release; aprofile=(--release); fi
stage "build kiln for aarch64 ($build, Debian rustc)"
cross_dir=${KILN_CROSS_TARGET_DIR:-target-aarch64}
kiln=$cross_dir/aarch64-unknown-linux-gnu/$build/kiln
kiln_note=""
if ! RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc \
     CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
     CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER=qemu-aarch64 \
     CARGO_TARGET_DIR="$cross_dir" \
     /usr/bin/cargo build "${aprofile[@]}" --target aarch64-unknown-linux-gnu --bin kiln; then
  echo "bench: WARNING: the aarch64 build of kiln failed; kiln rows will say so" >&2
  kiln_note="cargo build of kiln for aarch64 failed (see ci/bench.sh output)"
fi

runs=()
[ -n "${BENCH_RUNS:-}" ] && runs=(--runs "$BENCH_RUNS")

# The WebAssembly report (bench/wasm/): quick is a kiln-only smoke test of its harness.
wasm_bench() {
  stage "WebAssembly ($mode)"
  local wmode=full engines=${BENCH_WASM_ENGINES:-}
  if [ "$mode" = quick ]; then wmode=quick; fi
  mkdir -p "$wasm_out"
  python3 bench/wasm/run.py --mode "$wmode" "${runs[@]}" --peers "$wasm_peers" --kiln "$kiln" \
    --kiln-note "$kiln_note" --kiln-build "$build" --engines "$engines" --only "${BENCH_WASM_ONLY:-}" \
    --command "ci/bench.sh $mode" --out "$wasm_out/raw.json"
  python3 bench/wasm/report.py "$wasm_out/raw.json" --out "$wasm_out" --check ${BENCH_REQUIRE_KILN:+--require-kiln}
}
if [ "$mode" = wasm ]; then
  wasm_bench
  echo "bench: wrote $wasm_out/results.md and $wasm_out/wasm.svg in $(( $(date +%s) - start )) s"
  exit 0
fi

# Compile throughput is measured natively on the host. full: a release build; quick: the dev
# profile that `cargo test` already builds (the number is then only a smoke test).
stage "build kiln for the host (compile throughput)"
if [ "$mode" = full ]; then host_kiln=target/release/kiln; profile=(--release); else host_kiln=target/debug/kiln; profile=(); fi
if ! cargo build "${profile[@]}" --bin kiln; then
  echo "bench: WARNING: the host build of kiln failed; compile throughput not available" >&2
  host_kiln=""
fi

stage "run ($mode)"
mkdir -p "$out"
python3 bench/run.py --mode "$mode" "${runs[@]}" --peers "$peers" --kiln "$kiln" \
  --kiln-note "$kiln_note" --kiln-host "$host_kiln" --kiln-build "$build" \
  --only "${BENCH_ONLY:-}" --engines "${BENCH_ENGINES:-}" \
  --command "ci/bench.sh $mode" --out "$out/raw.json"

stage "report"
python3 bench/report.py "$out/raw.json" --out "$out"
python3 bench/check.py "$out/raw.json" ${BENCH_REQUIRE_KILN:+--require-kiln}

# The same programs with no emulator: the host build of kiln (its native JIT: x86-64 on x86-64
# hosts) against the host's node. full installs Debian's nodejs when the host has no node.
if [ -n "$host_kiln" ] && [ "${BENCH_NATIVE:-1}" = 1 ]; then
  stage "run natively on $(uname -m) ($mode)"
  if [ "$mode" = full ] && ! command -v node >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then as_root=(); else as_root=(sudo); fi
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs
  fi
  mkdir -p "$out/native"
  python3 bench/run.py --native --mode "$mode" "${runs[@]}" --kiln "$host_kiln" --kiln-build "$build" \
    --only "${BENCH_ONLY:-}" --engines "${BENCH_ENGINES:-}" \
    --command "ci/bench.sh $mode" --out "$out/native/raw.json"
  python3 bench/report.py "$out/native/raw.json" --out "$out/native"
  python3 bench/check.py "$out/native/raw.json" ${BENCH_REQUIRE_KILN:+--require-kiln}
fi
if [ "$mode" = quick ] || [ "${BENCH_WASM:-1}" = 1 ]; then
  wasm_bench
fi
echo "bench: wrote $out/results.md, $out/ratios.svg, $out/native/ and $wasm_out/ in $(( $(date +%s) - start )) s"
