#!/usr/bin/env bash
# Builds MathNet.Numerics' own source (the library and its tests, net10.0) with the GradCheck analyzer and prints
# the analyzer's share of the build (-p:ReportAnalyzer=true) and every GC diagnostic it reported (false positives:
# MathNet's source has no shape bug the analyzer could prove).
# Usage: bench/GradCheck.Analyzers.Bench/mathnet.sh <mathnet-numerics git directory> [output directory] [analyzer dll]
# The git directory is a clone (or bare mirror) of github.com/mathnet/mathnet-numerics; its HEAD is exported.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repo="${1:?usage: mathnet.sh <mathnet-numerics git directory> [output directory] [analyzer dll]}"
out="${2:-${TMPDIR:-/tmp}/gradcheck-mathnet}"
analyzer="${3:-}"
if [ -z "$analyzer" ]; then
  dotnet build "$root/src/GradCheck.Analyzers" -c Release -v:q -nologo >/dev/null
  analyzer="$root/src/GradCheck.Analyzers/bin/Release/netstandard2.0/GradCheck.Analyzers.dll"
fi
rm -rf "$out" && mkdir -p "$out"
git -C "$repo" archive HEAD src/Numerics src/Numerics.Tests src/TestData data | tar -x -C "$out"
printf '<Project />\n' > "$out/Directory.Build.props"
printf '<Project />\n' > "$out/Directory.Packages.props"
printf '<Project />\n' > "$out/Directory.Build.targets"
rm -f "$out"/src/*/*.csproj "$out"/src/*/*.fsproj
cat > "$out/src/Numerics/Numerics.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <AssemblyName>MathNet.Numerics</AssemblyName>
    <LangVersion>latest</LangVersion>
    <Nullable>disable</Nullable>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <NoWarn>\$(NoWarn);1701;1702;1705;1591;1573;CS0618;CS0612;CS8981;SYSLIB0011;SYSLIB0051;CS0809;CS0672</NoWarn>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup><Analyzer Include="$analyzer" /></ItemGroup>
</Project>
XML
cat > "$out/src/TestData/TestData.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <AssemblyName>MathNet.Numerics.TestData</AssemblyName>
    <RootNamespace>MathNet.Numerics.TestData</RootNamespace>
  </PropertyGroup>
  <ItemGroup><EmbeddedResource Include="..\..\data\**\*.*" LinkBase="Data" /></ItemGroup>
</Project>
XML
cat > "$out/src/Numerics.Tests/Numerics.Tests.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <AssemblyName>MathNet.Numerics.Tests</AssemblyName>
    <LangVersion>latest</LangVersion>
    <Nullable>disable</Nullable>
    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
    <NoWarn>\$(NoWarn);1701;1702;1705;1591;1573;CS0618;CS0612;CS8981;SYSLIB0011;CS0809;CS0672;NUnit2005;NUnit2007</NoWarn>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <Compile Remove="Properties/**;Program.cs" />
    <ProjectReference Include="../Numerics/Numerics.csproj" />
    <ProjectReference Include="../TestData/TestData.csproj" />
    <PackageReference Include="NUnit" Version="3.13.3" />
    <Analyzer Include="$analyzer" />
  </ItemGroup>
</Project>
XML

dotnet restore "$out/src/Numerics.Tests" -v:q -nologo >/dev/null
dotnet build "$out/src/Numerics.Tests" --no-restore -v:q -nologo -p:ReportAnalyzer=true >/dev/null 2>&1 || true
dotnet build "$out/src/Numerics.Tests" --no-restore --no-incremental -nologo -v:d -clp:PerformanceSummary -p:ReportAnalyzer=true > "$out/build.log" 2>&1 || {
  grep -oE "[^ ]+\([0-9]+,[0-9]+\): error [A-Z0-9]+: [^[]*" "$out/build.log" | sort -u | head -20; exit 1; }

python3 - "$out/build.log" <<'PY'
import re, sys
log = open(sys.argv[1], encoding="utf-8", errors="replace").read()
# One csc run per project: split the log at each "Total analyzer execution time" report.
reports = re.split(r"(?=Total analyzer execution time:)", log)
csc = [int(m) for m in re.findall(r"^\s*([0-9]+) ms\s+Csc\s", log, re.M)]
ours = []
for part in reports[1:]:
    m = re.search(r"^\s*([0-9.]+)\s+(?:<?[0-9]+%?)\s+GradCheck\.Analyzers, Version", part, re.M)
    total = re.match(r"Total analyzer execution time: ([0-9.]+)", part)
    if m: ours.append((float(m.group(1)), float(total.group(1))))
if not ours: sys.exit("GradCheck analyzer not found in the ReportAnalyzer output: was it loaded?")
gc_time = sum(o for o, _ in ours)
all_time = sum(t for _, t in ours)
csc_s = sum(csc) / 1000 if csc else float("nan")
print(f"GradCheck analyzer: {gc_time:.3f} s; all analyzers: {all_time:.3f} s; csc tasks: {csc_s:.3f} s (per project: {csc})")
print(f"analyzer share of the Csc time: {100 * gc_time / csc_s:.2f}% (target <= 3%)")
diags = sorted(set(re.findall(r"^.*?: (?:warning|error|info) GC\d{4}:.*$", log, re.M)))
print(f"GC diagnostics on MathNet.Numerics' source and tests: {len(diags)}")
for d in diags[:50]: print("  " + d.strip())
PY
