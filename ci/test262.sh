#!/usr/bin/env bash
# Runs tc39/test262 on kiln (see ci/test262.py for the host and how tests are judged).
#
#   ci/test262.sh PATH-TO-TEST262 [FILTER...] [--jobs N] [--timeout S] [--out FILE] [-v]
#   ci/test262.sh --compare OLD.jsonl NEW.jsonl
#
# Builds kiln in release mode unless KILN names a binary. Without a checkout it says so and
# exits 0 (CI has none; the checkout is never committed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--compare" ]; then
  shift
  exec python3 ci/test262.py compare "$@"
fi
t262=${1:-}
if [ -z "$t262" ] || [ ! -d "$t262/harness" ]; then
  echo "test262: no checkout given (ci/test262.sh PATH-TO-TEST262); skipped"
  exit 0
fi
shift
if [ -z "${KILN:-}" ]; then
  cargo build --release --quiet
  KILN=target/release/kiln
fi
exec python3 ci/test262.py run "$t262" "$@" --kiln "$KILN"
