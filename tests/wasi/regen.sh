#!/usr/bin/env bash
# Regenerates tests/wasi/expected/NAME.out: each program of programs.tsv built natively
# (gcc -O2 -ffp-contract=off) and run with its test arguments, cwd tests/wasi; its stdout is
# what the wasm32-wasi build must print under kiln, byte for byte. Needs only a C compiler;
# no Wasm toolchain.
#
#   tests/wasi/regen.sh           rewrite expected/*.out
#   tests/wasi/regen.sh --check   compare instead; exit 1 if any expected output is stale
#
# Each program runs twice and the two outputs must match (a cheap guard against reading
# uninitialised memory). The native run equals the Wasm run because the programs use
# fixed-width integers only, no libm functions other than the exactly rounded sqrt/floor/fabs,
# no clocks or environment, and no FMA contraction (-ffp-contract=off); the host needs a
# 64-bit FPU path (SSE2 on x86-64, or AArch64), not x87.
#
# The one deliberate difference: readfile's "sandbox PATH: ..." lines. Natively there is no
# sandbox (the paths open or are missing, and glibc has no ENOTCAPABLE), so those lines are
# rewritten here to what WASI must print, "sandbox PATH: refused (Capabilities insufficient)":
# wasi-libc's strerror(ENOTCAPABLE). See the header comment of programs/readfile.c.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

check=0
case "${1:-}" in
  --check) check=1 ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

case "$(uname -m)" in
  x86_64|amd64|aarch64|arm64) ;;
  *) echo "regen.sh: $(uname -m) may evaluate doubles with excess precision (x87);" \
          "regenerate on x86-64 or AArch64" >&2; exit 1 ;;
esac

CC=${CC:-gcc}
CFLAGS=(-O2 -ffp-contract=off -Wall -Wextra)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p expected

status=0
while IFS=$'\t' read -r name test_args _bench_args _dir; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  "$CC" "${CFLAGS[@]}" -o "$work/$name" "programs/$name.c" -lm
  read -r -a args <<< "$test_args"
  for run in 1 2; do
    rc=0
    "$work/$name" ${args[@]+"${args[@]}"} > "$work/$name.$run" || rc=$?
    if [ "$rc" -ne 0 ]; then
      echo "regen.sh: $name exited with status $rc" >&2
      exit 1
    fi
  done
  if ! cmp -s "$work/$name.1" "$work/$name.2"; then
    echo "regen.sh: $name printed different output on two runs (nondeterministic)" >&2
    exit 1
  fi
  out="$work/$name.1"

  if [ "$name" = readfile ]; then
    # Every path after the first argument must be refused under WASI: one "sandbox" line
    # each, rewritten to the refusal (whatever the native run did with it).
    want=$(( ${#args[@]} - 1 ))
    awk '
      /^sandbox / && match($0, /: (OPENED|refused \(.*\))$/) {
        print "sandbox " substr($0, 9, RSTART - 9) ": refused (Capabilities insufficient)"
        n++
        next
      }
      { print }
      END { if (n != want) { printf "regen.sh: readfile: %d sandbox lines, want %d\n", n, want > "/dev/stderr"; exit 1 } }
    ' want="$want" "$out" > "$out.wasi"
    out="$out.wasi"
  fi

  if [ "$check" = 1 ]; then
    if cmp -s "$out" "expected/$name.out"; then
      echo "ok    $name"
    else
      echo "STALE $name (expected/$name.out differs from a fresh native run)"
      status=1
    fi
  else
    cp "$out" "expected/$name.out"
    printf '%-10s %6d lines %8d bytes\n' "$name" "$(wc -l < "$out")" "$(wc -c < "$out")"
  fi
done < programs.tsv
exit "$status"
