# Reproduces kiln's CI environment: Debian bookworm, rustup's Rust 1.95 for the host build,
# and everything ci/setup.sh installs (Unicorn's build needs, Debian's rustc with the aarch64
# std, the aarch64 cross linker, qemu-user, actionlint).
#
#   docker build -t kiln-ci .
#   docker run --rm -v "$PWD":/src -w /src kiln-ci            # runs ci/test.sh
FROM debian:bookworm

ENV DEBIAN_FRONTEND=noninteractive \
    RUSTUP_HOME=/usr/local/rustup \
    CARGO_HOME=/usr/local/cargo \
    PATH=/usr/local/cargo/bin:/root/.local/bin:$PATH

RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends \
      ca-certificates curl git build-essential python3 python3-pip \
 && rm -rf /var/lib/apt/lists/*

RUN curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal \
      --default-toolchain 1.95.0 --component rustfmt,clippy

COPY ci/setup.sh /tmp/kiln-setup.sh
RUN /tmp/kiln-setup.sh && rm /tmp/kiln-setup.sh

WORKDIR /src
CMD ["ci/test.sh"]
