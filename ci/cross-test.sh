#!/usr/bin/env bash
# Builds every test for aarch64-unknown-linux-gnu and runs it natively (under qemu-aarch64
# on other hosts). Uses `cross` when it and a container engine are available; otherwise
# Debian's rustc with the aarch64 std, the aarch64 cross linker and qemu-user
# (ci/setup.sh installs them; see DESIGN notes in README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
target=aarch64-unknown-linux-gnu
log=$(mktemp)
trap 'rm -f "$log"' EXIT

engine_up() {
  { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; } ||
  { command -v podman >/dev/null 2>&1 && podman info >/dev/null 2>&1; }
}

if [ "$(uname -m)" = aarch64 ] || [ "$(uname -m)" = arm64 ]; then
  echo "cross-test: aarch64 host, running natively"
  cargo test 2>&1 | tee "$log"
elif command -v cross >/dev/null 2>&1 && engine_up; then
  echo "cross-test: using cross ($(cross --version 2>/dev/null | head -n 1))"
  KILN_GC_STRESS_SUBSET=1 cross test --target "$target" 2>&1 | tee "$log"
else
  echo "cross-test: Debian rustc $(/usr/bin/rustc --version | cut -d' ' -f2) + qemu-aarch64"
  # Without -L: qemu then uses the multiarch libc6:arm64 (with -L /usr/aarch64-linux-gnu
  # every thread creation spins; see README).
  # Emulated, six of the large corpus programs take minutes each under --gc-stress: run
  # them only in the plain pass here (tests/js_corpus.rs; the host stage runs them all).
  KILN_GC_STRESS_SUBSET=1 \
  RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc \
  CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
  CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER=qemu-aarch64 \
  CARGO_TARGET_DIR="${KILN_CROSS_TARGET_DIR:-target-aarch64}" \
    /usr/bin/cargo test --target "$target" 2>&1 | tee "$log"
fi
ci/count-tests.sh cross "$log"
