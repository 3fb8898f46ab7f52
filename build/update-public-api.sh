#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to its project's PublicAPI.Unshipped.txt, and
# drops every declared line the build reports as gone (RS0017). Review the diff: it is the change to the public surface.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in GradCheck GradCheck.Xunit GradCheck.Xunit.v2; do
  file="src/$project/PublicAPI.Unshipped.txt"
  for _ in 1 2 3; do
    output=$(dotnet build "src/$project" --no-incremental 2>&1 || true)
    added=$(grep "src/$project/" <<<"$output" | grep -o "RS0016: Symbol '.*' is not part of the declared" | sed "s/RS0016: Symbol '\(.*\)' is not part of the declared/\1/" | sort -u || true)
    removed=$(grep "src/$project/" <<<"$output" | grep -o "RS0017: Symbol '.*' is part of the declared API" | sed "s/RS0017: Symbol '\(.*\)' is part of the declared API/\1/" | sort -u || true)
    [ -z "$added$removed" ] && break
    { echo "#nullable enable"; { grep -v '^#nullable' "$file" | grep -vxF -f <(printf '%s\n' "$removed") || true; printf '%s\n' "$added"; } | grep -v '^$' | sort -u; } > "$file.new"
    mv "$file.new" "$file"
  done
done
git --no-pager diff --stat -- 'src/*/PublicAPI.*.txt'
