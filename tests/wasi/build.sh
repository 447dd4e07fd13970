#!/usr/bin/env bash
# Builds every tests/wasi/programs/NAME.c to OUTDIR/NAME.wasm (wasm32-wasi, WASI preview 1),
# rebuilding only what is older than its source (or than this script).
#
#   tests/wasi/build.sh OUTDIR
#
# Toolchain: Debian's clang, lld (wasm-ld), wasi-libc (the sysroot under /usr) and the wasm32
# compiler-rt builtins. CLANG and WASI_SYSROOT override the compiler and the sysroot.
#
# Flags: -O2, -ffp-contract=off (as regen.sh's native build: no FMA contraction anywhere),
# --strip-all. wasm-ld's default C stack (the shadow stack in linear memory, for locals whose
# address is taken, for large locals and for structs passed by value) is 64 KiB, placed
# after the static data and growing down towards it (so an overflow would silently corrupt
# globals). The programs keep big buffers on the heap or in static data and need at most
# about 5 KiB of it (readfile's 4 KiB read buffer), so no -Wl,-z,stack-size flag is needed. Deep recursion (recursion.c, up to ~2,800 frames)
# uses the engine's own call stack, not this one.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
outdir=$1
mkdir -p "$outdir"

CLANG=${CLANG:-clang}
SYSROOT=${WASI_SYSROOT:-/usr}
FLAGS=(--target=wasm32-wasi "--sysroot=$SYSROOT" -O2 -ffp-contract=off -Wl,--strip-all)

missing_toolchain() {
  local major=14
  if command -v "$CLANG" >/dev/null 2>&1; then
    major=$("$CLANG" -dumpversion 2>/dev/null | cut -d. -f1) || major=14
  fi
  {
    echo "tests/wasi/build.sh: no working wasm32-wasi C toolchain: $1"
    echo "  on Debian/Ubuntu: apt-get install clang lld wasi-libc libclang-rt-$major-dev-wasm32"
    echo "  (clang and libclang-rt-N-dev-wasm32 must be the same LLVM version N)"
  } >&2
  exit 1
}

# Which programs need building?
todo=()
while IFS=$'\t' read -r name _rest; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  src="$here/programs/$name.c"
  out="$outdir/$name.wasm"
  if [ ! -f "$out" ] || [ "$src" -nt "$out" ] || [ "$here/build.sh" -nt "$out" ]; then
    todo+=("$name")
  fi
done < "$here/programs.tsv"
if [ ${#todo[@]} -eq 0 ]; then
  exit 0
fi

# Probe the toolchain once, so a missing piece gets one clear message rather than a
# compiler error per program.
command -v "$CLANG" >/dev/null 2>&1 || missing_toolchain "$CLANG not found"
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '#include <stdio.h>\nint main(void) { puts("ok"); return 0; }\n' > "$probe/p.c"
if ! "$CLANG" "${FLAGS[@]}" -o "$probe/p.wasm" "$probe/p.c" 2> "$probe/err"; then
  sed 's/^/  | /' "$probe/err" | head -n 8 >&2
  missing_toolchain "$CLANG cannot compile and link a wasm32-wasi program"
fi

for name in "${todo[@]}"; do
  # Build to a temporary name first: a failed build never leaves a fresh-looking .wasm.
  "$CLANG" "${FLAGS[@]}" -o "$outdir/$name.wasm.tmp" "$here/programs/$name.c"
  mv "$outdir/$name.wasm.tmp" "$outdir/$name.wasm"
  echo "built $outdir/$name.wasm"
done
