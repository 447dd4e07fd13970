#!/usr/bin/env bash
# Unpacks the arm64 builds of kiln's benchmark peers from Debian bookworm into one folder,
# without installing them on the host: node 18 (V8: Ignition with --jitless, Sparkplug with
# --no-opt), duktape and mujs. Idempotent. Prints the folder.
#
# Run a peer under QEMU as (ROOT must hold no libc of its own):
#   qemu-aarch64 -L ROOT -E LD_LIBRARY_PATH=ROOT/usr/lib/aarch64-linux-gnu ROOT/usr/bin/node
set -euo pipefail
cd "$(dirname "$0")/.."
root=${KILN_PEERS:-$PWD/target/peers}
debs=(nodejs:arm64 libnode108:arm64 libbrotli1:arm64 libc-ares2:arm64 libicu72:arm64
      libnghttp2-14:arm64 libssl3:arm64 libstdc++6:arm64 libgcc-s1:arm64 libuv1:arm64
      zlib1g:arm64 node-acorn node-cjs-module-lexer node-undici
      duktape:arm64 libduktape207:arm64 mujs:arm64)
if [ ! -x "$root/usr/bin/node" ] || [ ! -x "$root/usr/bin/duk" ] || [ ! -x "$root/usr/bin/mujs" ]; then
  dl=$(mktemp -d)
  (cd "$dl" && apt-get download -qq "${debs[@]}" 2>/dev/null)
  mkdir -p "$root"
  for d in "$dl"/*.deb; do dpkg -x "$d" "$root"; done
  rm -rf "$dl"
  # The peers must use the host's multiarch libc6:arm64, never a copy of their own.
  rm -rf "$root"/lib/aarch64-linux-gnu/libc.so* "$root"/lib/ld-linux-aarch64.so*
fi
echo "$root"
