#!/usr/bin/env bash
# Mutation testing of the engine (the files in stryker-config.json, see README.md): Stryker.NET with the Microsoft
# Testing Platform runner, then every mutant Stryker
# reports as a timeout is tested again on its own, with a generous time limit, and the score is printed.
# Not run in CI (it takes most of an hour on two cores). Extra arguments go to Stryker, e.g.
#   tests/mutation/run.sh -m '**/Decision/*.cs'
# Environment: RETEST_SECONDS (time limit of one re-tested mutant's test run, default 300).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

output="$PWD/StrykerOutput/latest"
rm -rf "$output"
dotnet tool restore
# A build error shows here, with its message, rather than as Stryker's "initial build failed".
dotnet build GradCheck.Tests.Mtp/GradCheck.Tests.Mtp.csproj -nologo -v quiet
dotnet stryker --config-file stryker-config.json --output "$output" "$@"
python3 score.py "$output/reports/mutation-report.json" --retest-seconds "${RETEST_SECONDS:-300}"
