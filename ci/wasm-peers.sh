#!/usr/bin/env bash
# Brings the arm64 builds of kiln's WebAssembly benchmark peers into the peers folder of
# ci/peers.sh (which it runs first, for node 18), all from package registries and without
# installing anything on the host. Idempotent: what is there is kept. Prints the folder.
#
#   node 18 (V8: Liftoff, TurboFan)  Debian bookworm, by ci/peers.sh; runs bench/wasm/drivers/node_run.js
#   wasmtime 51.0.0 (Cranelift, Winch)  PyPI's manylinux aarch64 wheel (its libwasmtime.so), driven
#                                    by bench/wasm/drivers/wasmtime_run.py under Debian's arm64
#                                    CPython 3.11 (its .debs unpacked here like node's)
#   wasmi 2.0.0 + wasmi_wasi 2.0.0   crates.io, cross-built with Debian's rustc into the driver
#                                    bench/wasm/drivers/wasmi/ (target dir target/peers-build/wasmi)
#   wasm3 0.5.0                      the C sources in PyPI's pywasm3 0.5.0 sdist, compiled with
#                                    aarch64-linux-gnu-gcc -O3 together with the driver
#                                    bench/wasm/drivers/wasm3/driver.c (which has its own WASI)
#
# Layout: ROOT/usr/bin/{node,python3.11}, ROOT/opt/wasm/wasmtime-py/wasmtime/,
# ROOT/opt/wasm/bin/{wasmi-run,wasm3-run}, ROOT/opt/wasm/VERSIONS (one `engine: version` a line,
# read by bench/wasm/run.py for the report). Run a peer under QEMU as (ROOT holds no libc):
#   qemu-aarch64 -L ROOT -E LD_LIBRARY_PATH=ROOT/usr/lib/aarch64-linux-gnu \
#     [-E PYTHONPATH=ROOT/opt/wasm/wasmtime-py] ROOT/usr/bin/python3.11 bench/wasm/drivers/wasmtime_run.py ...
# Needs what ci/setup.sh installs (Debian's rustc and cargo with the aarch64 std, the aarch64
# cross gcc, qemu-user) and python3 with pip on the host (only for `pip download`).
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD
root=$(ci/peers.sh | tail -n 1)
opt=$root/opt/wasm
build=$here/target/peers-build
mkdir -p "$opt/bin" "$build"
WASMTIME_VERSION=51.0.0
PYWASM3_VERSION=0.5.0
note() { echo "ci/wasm-peers.sh: $*" >&2; }

# CPython 3.11 (arm64, Debian bookworm) and the libraries its ctypes and stdlib need.
if [ ! -x "$root/usr/bin/python3.11" ]; then
  note "unpacking Debian's arm64 python3.11"
  debs=(python3.11-minimal:arm64 libpython3.11-minimal:arm64 libpython3.11-stdlib:arm64
        libffi8:arm64 libexpat1:arm64 zlib1g:arm64 libbz2-1.0:arm64 liblzma5:arm64 libssl3:arm64
        media-types)
  dl=$(mktemp -d)
  chmod 777 "$dl"  # apt-get download runs as _apt where it can
  (cd "$dl" && apt-get download -qq "${debs[@]}" 2>/dev/null)
  for d in "$dl"/*.deb; do dpkg -x "$d" "$root"; done
  dpkg-deb -f "$dl"/python3.11-minimal_*.deb Version > "$opt/python3.11.version"
  rm -rf "$dl"
  rm -rf "$root"/lib/aarch64-linux-gnu/libc.so* "$root"/lib/ld-linux-aarch64.so*
fi

# wasmtime-py: the wheel's pure-Python wrapper and its bundled libwasmtime.so.
if [ ! -f "$opt/wasmtime-py/wasmtime/linux-aarch64/_libwasmtime.so" ]; then
  note "downloading wasmtime $WASMTIME_VERSION (PyPI, manylinux aarch64 wheel)"
  dl=$(mktemp -d)
  python3 -m pip download -q --platform manylinux2014_aarch64 --only-binary=:all: --no-deps \
    -d "$dl" "wasmtime==$WASMTIME_VERSION"
  rm -rf "$opt/wasmtime-py"
  mkdir -p "$opt/wasmtime-py"
  python3 -m zipfile -e "$dl"/wasmtime-*.whl "$opt/wasmtime-py"
  rm -rf "$dl"
fi

# wasm3: the sdist's wasm3/ sources with the driver, with wasm3's own release flags.
src3=$build/wasm3/pywasm3-$PYWASM3_VERSION/wasm3
if [ ! -f "$src3/wasm3.h" ]; then
  note "downloading pywasm3 $PYWASM3_VERSION (PyPI sdist: wasm3's C sources)"
  mkdir -p "$build/wasm3"
  python3 -m pip download -q --no-binary :all: --no-deps \
    -d "$build/wasm3" "pywasm3==$PYWASM3_VERSION"
  tar -xzf "$build/wasm3/pywasm3-$PYWASM3_VERSION.tar.gz" -C "$build/wasm3"
fi
driver3=bench/wasm/drivers/wasm3/driver.c
if [ ! -x "$opt/bin/wasm3-run" ] || [ "$driver3" -nt "$opt/bin/wasm3-run" ]; then
  note "building wasm3-run (aarch64-linux-gnu-gcc -O3)"
  nice -n 10 aarch64-linux-gnu-gcc -O3 -fomit-frame-pointer -fno-stack-check -fno-stack-protector \
    -I"$src3" -o "$opt/bin/wasm3-run.tmp" "$driver3" "$src3"/*.c -lm
  mv "$opt/bin/wasm3-run.tmp" "$opt/bin/wasm3-run"
fi

# wasmi: the driver crate (its own workspace and Cargo.lock), cross-built with Debian's rustc.
wasmi_bin=$build/wasmi/aarch64-unknown-linux-gnu/release/wasmi-run
if [ ! -x "$opt/bin/wasmi-run" ] || [ -n "$(find bench/wasm/drivers/wasmi -newer "$opt/bin/wasmi-run" -type f)" ]; then
  note "building wasmi-run (cargo, aarch64, release)"
  (cd bench/wasm/drivers/wasmi &&
   RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc \
   CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc \
   CARGO_TARGET_DIR="$build/wasmi" \
   nice -n 10 /usr/bin/cargo build -q --locked --release --target aarch64-unknown-linux-gnu)
  cp "$wasmi_bin" "$opt/bin/wasmi-run.tmp"
  mv "$opt/bin/wasmi-run.tmp" "$opt/bin/wasmi-run"
fi

# Versions, for the report.
pyver=$(cat "$opt/python3.11.version" 2>/dev/null || true)
[ -n "$pyver" ] || pyver=$(qemu-aarch64 -L "$root" -E LD_LIBRARY_PATH="$root/usr/lib/aarch64-linux-gnu" \
  "$root/usr/bin/python3.11" -c 'import sys; print(sys.version.split()[0])')
wasmi_ver=$(sed -n '/^name = "wasmi"$/{n;s/^version = "\(.*\)"/\1/p}' bench/wasm/drivers/wasmi/Cargo.lock)
wasmi_wasi_ver=$(sed -n '/^name = "wasmi_wasi"$/{n;s/^version = "\(.*\)"/\1/p}' bench/wasm/drivers/wasmi/Cargo.lock)
m3ver=$(sed -n 's/^#define M3_VERSION *"\(.*\)"/\1/p' "$src3/wasm3.h")
cat > "$opt/VERSIONS" <<EOF
wasmtime: wasmtime $WASMTIME_VERSION (wasmtime-py from PyPI, manylinux2014_aarch64 wheel) under Debian's arm64 CPython $pyver
wasmi: wasmi $wasmi_ver + wasmi_wasi $wasmi_wasi_ver (crates.io), cross-built with $(/usr/bin/rustc --version | cut -d' ' -f1-2)
wasm3: wasm3 $m3ver (C sources of PyPI's pywasm3 $PYWASM3_VERSION sdist), $(aarch64-linux-gnu-gcc --version | head -n 1) -O3
EOF
echo "$root"
