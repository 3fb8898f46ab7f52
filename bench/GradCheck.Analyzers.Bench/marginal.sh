#!/usr/bin/env bash
# What the GradCheck analyzer adds to a build: the generated project (as measure.sh writes it) compiled with and without
# the analyzer, alternately, and the median Csc task times compared. Unlike ReportAnalyzer's share, which charges the
# wall time of the analyzer's callbacks while they compete with the compiler for the cores, this is the build time a
# user waits for the analyzer (shared work, such as binding a body the SDK's own analyzers bind anyway, counts once).
# Usage: bench/GradCheck.Analyzers.Bench/marginal.sh [output directory] [rounds] [layers]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-${TMPDIR:-/tmp}/gradcheck-analyzer-marginal}"
rounds="${2:-5}"
layers="${3:-230}"

dotnet build "$root/src/GradCheck.Analyzers" -c Release -v:q -nologo >/dev/null
analyzer="$root/src/GradCheck.Analyzers/bin/Release/netstandard2.0/GradCheck.Analyzers.dll"
rm -rf "$out"
dotnet run --project "$here" -c Release -- "$out/with" "$analyzer" "$layers"
cp -r "$out/with" "$out/without"
sed -i '/<Analyzer Include=/d' "$out/without/Generated.csproj"
for project in with without; do
  dotnet restore "$out/$project" -v:q -nologo >/dev/null
  dotnet build "$out/$project" --no-restore -v:q -nologo >/dev/null 2>&1 || true   # warm the build server
done

for round in $(seq "$rounds"); do
  for project in with without; do
    dotnet build "$out/$project" --no-restore --no-incremental -nologo -v:d -clp:PerformanceSummary > "$out/$project.log" 2>&1
    echo "$project $(grep -E '^\s*[0-9]+ ms\s+Csc\s' "$out/$project.log" | head -1 | awk '{print $1}')" >> "$out/times.txt"
  done
done

python3 - "$out/times.txt" <<'PY'
import statistics, sys
times = {"with": [], "without": []}
for line in open(sys.argv[1]):
    project, ms = line.split()
    times[project].append(int(ms))
with_, without = statistics.median(times["with"]), statistics.median(times["without"])
pairs = [w - o for w, o in zip(times["with"], times["without"])]
print(f"Csc task, median of {len(pairs)} alternated builds: {with_ / 1000:.2f} s with the analyzer, {without / 1000:.2f} s without")
print(f"the analyzer adds {(with_ - without) / 1000:.2f} s = {100 * (with_ - without) / without:.1f}% of the build without it "
      f"(pairwise differences: {', '.join(f'{d / 1000:+.2f} s' for d in pairs)})")
PY
