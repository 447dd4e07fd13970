#!/usr/bin/env bash
# Regenerates the expected REPL transcripts with node (the oracle).
#
#   ci/gen-repl-expected.sh [NODE]      (default: /usr/bin/node, else `node` on PATH)
#
# For each tests/repl/NAME.in, its lines are piped to `node -i` one at a time, after a
# pause for node to start and a pause after each (so node evaluates every line on its own and runs its microtasks, and its
# timers when due, before the next, as at a terminal); stdout and stderr go to
# NAME.expected without node's two banner lines ("Welcome to Node.js ..." and
# 'Type ".help" ...'), the exit status to NAME.status when it is not 0.
# tests/repl.rs runs `kiln -i` on the same input and compares.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

node="${1:-}"
if [ -z "$node" ]; then
  if [ -x /usr/bin/node ]; then node=/usr/bin/node; else node="$(command -v node)"; fi
fi
echo "gen-repl-expected: using $node ($("$node" --version))"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for f in tests/repl/*.expected tests/repl/*.status; do
  [ -e "$f" ] || continue
  [ -e "${f%.*}.in" ] || { rm -f "$f"; echo "removed stale $f"; }
done

count=0
for input in tests/repl/*.in; do
  base="${input%.in}"
  set +e
  while IFS= read -r line || [ -n "$line" ]; do
    printf '%s\n' "$line"
    sleep 0.25
  done < <(sleep 1; cat "$input") | NODE_REPL_HISTORY= timeout 120 "$node" -i >"$tmp/out" 2>&1
  status=${PIPESTATUS[1]}
  set -e
  tail -n +3 "$tmp/out" >"$base.expected"
  if [ "$status" != 0 ]; then
    printf '%s\n' "$status" >"$base.status"
  else
    rm -f "$base.status"
  fi
  count=$((count + 1))
done
echo "gen-repl-expected: $count transcripts"
