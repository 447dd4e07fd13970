#!/usr/bin/env bash
# Optional: runs the wasm32-wasi builds under node's WASI (an independent preview 1
# implementation) and compares them with expected/*.out, to confirm that the expected
# outputs, made natively by regen.sh, are what a conforming WASI runtime prints.
# Needs build.sh's toolchain and node >= 20. Not part of the cargo tests.
#
#   tests/wasi/crosscheck.sh [WASMDIR]   (default: a temporary directory)
#   tests/wasi/crosscheck.sh --bench [WASMDIR]   also time the bench arguments (no compare)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bench=0
if [ "${1:-}" = --bench ]; then bench=1; shift; fi
if [ $# -ge 1 ]; then wasmdir=$1; else wasmdir=$(mktemp -d); trap 'rm -rf "$wasmdir"' EXIT; fi
command -v node >/dev/null 2>&1 || { echo "crosscheck.sh: node not found" >&2; exit 1; }
"$here/build.sh" "$wasmdir" > /dev/null
wasmdir=$(cd "$wasmdir" && pwd)
cd "$here"
status=0
while IFS=$'\t' read -r name test_args bench_args dir; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  pre=()
  [ "$dir" != - ] && pre=(--dir "$dir")
  read -r -a args <<< "$test_args"
  rc=0
  node --no-warnings node-wasi.mjs ${pre[@]+"${pre[@]}"} "$wasmdir/$name.wasm" \
    ${args[@]+"${args[@]}"} > "$wasmdir/$name.node.out" || rc=$?
  if [ "$rc" = 0 ] && cmp -s "$wasmdir/$name.node.out" "expected/$name.out"; then
    echo "same  $name"
  else
    echo "DIFF  $name (exit status $rc)"
    diff "expected/$name.out" "$wasmdir/$name.node.out" | head -n 10 || true
    status=1
  fi
  if [ "$bench" = 1 ]; then
    read -r -a args <<< "$bench_args"
    /usr/bin/time -f "      $name bench: %e s" node --no-warnings node-wasi.mjs \
      ${pre[@]+"${pre[@]}"} "$wasmdir/$name.wasm" ${args[@]+"${args[@]}"} > /dev/null
  fi
done < programs.tsv
exit "$status"
