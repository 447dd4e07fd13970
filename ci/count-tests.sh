#!/usr/bin/env bash
# Sums the libtest summaries in a cargo test log and prints one line: how many tests ran.
# Fails if none ran, so a stage that silently executes nothing cannot pass.
set -euo pipefail
name=$1 log=$2
read -r passed failed ignored < <(awk '
  /^test result:/ { for (i = 1; i <= NF; i++) {
      if ($(i+1) ~ /^passed/)  p += $i;
      if ($(i+1) ~ /^failed/)  f += $i;
      if ($(i+1) ~ /^ignored/) g += $i; } }
  END { print p + 0, f + 0, g + 0 }' "$log")
echo "$name stage: $passed tests passed, $failed failed, $ignored ignored"
# The JavaScript corpus runs many programs inside one test; show those counts too.
grep -E '^corpus[^:]*: [0-9]+ passed' "$log" | sed "s/^/$name stage: /" || true
if [ "$passed" -eq 0 ]; then
  echo "$name stage: no tests ran" >&2
  exit 1
fi
