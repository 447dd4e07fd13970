#!/usr/bin/env bash
# Regenerates the expected REPL transcripts with node (the oracle).
#
#   ci/gen-repl-expected.sh [NODE]      (default: /usr/bin/node, else `node` on PATH)
#
# For each tests/repl/NAME.in, its lines are piped to `node -i` one at a time, each once
# node has answered the one before and gone quiet for half a second (so node evaluates
# every line on its own and runs its microtasks, and its timers when due, before the
# next, as at a terminal, however loaded the machine is); stdout and stderr go to
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
  NODE_REPL_HISTORY= timeout 300 python3 - "$node" "$input" "$tmp/out" <<'PY'
import os, select, subprocess, sys, time

node, source, out = sys.argv[1:4]
p = subprocess.Popen([node, "-i"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.STDOUT)
fd = p.stdout.fileno()
buf = bytearray()

def settle(quiet=0.5, limit=60.0):
    # Waits for node's answer (some output), then for half a second without output.
    start, got, last = time.time(), len(buf), time.time()
    while time.time() - start < limit:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                return
            buf.extend(chunk)
            last = time.time()
        elif len(buf) > got and time.time() - last >= quiet:
            return

settle()
for line in open(source, "rb").read().splitlines(True):
    if p.poll() is not None:
        break
    try:
        p.stdin.write(line if line.endswith(b"\n") else line + b"\n")
        p.stdin.flush()
    except BrokenPipeError:
        break
    settle()
try:
    p.stdin.close()
except BrokenPipeError:
    pass
while True:
    chunk = os.read(fd, 65536)
    if not chunk:
        break
    buf.extend(chunk)
open(out, "wb").write(bytes(buf))
sys.exit(p.wait())
PY
  status=$?
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
