#!/usr/bin/env bash
# Measures the GradCheck analyzer's share of the build of a generated project of >= 20k lines of gradient code.
# Usage: bench/GradCheck.Analyzers.Bench/measure.sh [output directory] [layers] [analyzer dll]
# Prints the analyzer's time (from -p:ReportAnalyzer=true), the Csc task's time and the build's wall time, and the
# analyzer's share of the Csc task (the figure the target is set for). A third argument measures another build of the
# analyzer (a copy of an earlier version, for before/after figures).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-${TMPDIR:-/tmp}/gradcheck-analyzer-bench}"
layers="${2:-230}"
analyzer="${3:-}"

dotnet build "$root/src/GradCheck.Analyzers" -c Release -v:q -nologo >/dev/null
analyzer="${analyzer:-$root/src/GradCheck.Analyzers/bin/Release/netstandard2.0/GradCheck.Analyzers.dll}"
rm -rf "$out"
dotnet run --project "$here" -c Release -- "$out" "$analyzer" "$layers"

dotnet restore "$out" -v:q -nologo >/dev/null
# Warm the build server once, then measure a full (non-incremental) compile.
dotnet build "$out" --no-restore -v:q -nologo -p:ReportAnalyzer=true >/dev/null 2>&1 || true
start=$(date +%s.%N)
dotnet build "$out" --no-restore --no-incremental -nologo -v:d -clp:PerformanceSummary -p:ReportAnalyzer=true > "$out/build.log" 2>&1
end=$(date +%s.%N)

python3 - "$out/build.log" "$start" "$end" <<'PY'
import re, sys
log = open(sys.argv[1], encoding="utf-8", errors="replace").read()
wall = float(sys.argv[3]) - float(sys.argv[2])
ours = re.findall(r"^\s*([0-9.]+)\s+(?:<?[0-9]+%?)\s+GradCheck\.Analyzers, Version", log, re.M)
total = re.findall(r"Total analyzer execution time: ([0-9.]+) seconds", log)
csc = re.findall(r"^\s*([0-9]+) ms\s+Csc\s", log, re.M)
if not ours:
    sys.exit("GradCheck analyzer not found in the ReportAnalyzer output: was it loaded?")
ours_s = float(ours[0])
print(f"GradCheck analyzer: {ours_s:.3f} s; all analyzers: {float(total[0]) if total else float('nan'):.3f} s; "
      f"csc task: {int(csc[0]) / 1000 if csc else float('nan'):.3f} s; build wall time: {wall:.3f} s")
csc_s = int(csc[0]) / 1000 if csc else float("nan")
print(f"analyzer share of the Csc task: {100 * ours_s / csc_s:.2f}% (target <= 3%); of the build's wall time: {100 * ours_s / wall:.2f}%")
flagged = set(re.findall(r"Layer(\d+)\.cs\(\d+,\d+\): warning GC", log))
planted = set(w for w in flagged if int(w) % 25 == 7)
print(f"planted-bug layers flagged: {len(planted)}; layers without a planted bug flagged (false positives): {len(flagged - planted)}")
PY

# The same cost split in one process: shared binding vs GradCheck's own analysis.
dotnet run --project "$here" -c Release --no-build -- --in-process "$out" 5
