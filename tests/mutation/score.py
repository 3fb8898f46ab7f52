#!/usr/bin/env python3
"""Scores a Stryker.NET JSON report, first testing again every mutant Stryker called a timeout.

Stryker's time limit is tight (the normal test time plus a margin) and the machine is shared, so a slow run reads as a
timeout. Each such mutant is applied to a copy of the repository (the sources here are never touched), the MTP test app
is built and its tests that cover the mutant run once with a generous limit: failing tests kill it, passing ones let it
survive, and only a run that still exceeds the limit stays a timeout (most likely an endless loop; counted as detected,
as Stryker does, but shown on its own line).

    score.py REPORT.json [--retest-seconds N] [--no-retest]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
TEST_APP = os.path.join("tests", "mutation", "GradCheck.Tests.Mtp")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def test_names(report):
    """Test id → fully qualified method name (theory arguments dropped: a method filter runs all its cases)."""
    names = {}
    for test_file in report.get("testFiles", {}).values():
        for test in test_file.get("tests", []):
            names[test["id"]] = test["name"].split("(")[0].strip()
    return names


def apply(source, location, replacement):
    """The source with the text at the report's 1-based, end-exclusive location replaced."""
    lines = source.split("\n")

    def offset(point):
        return sum(len(line) + 1 for line in lines[: point["line"] - 1]) + point["column"] - 1

    start, end = offset(location["start"]), offset(location["end"])
    return source[:start] + replacement + source[end:]


def copy_repository(destination):
    ignore = shutil.ignore_patterns("bin", "obj", ".git", "StrykerOutput", "TestResults", "BenchmarkDotNet.Artifacts")
    shutil.copytree(ROOT, destination, ignore=ignore, symlinks=True)


def retest(report, seconds):
    """Runs each timed-out mutant again on its own; returns mutant id → new status."""
    timed_out = [(path, m) for path, f in report["files"].items() for m in f["mutants"] if m["status"] == "Timeout"]
    if not timed_out:
        return {}
    names = test_names(report)
    outcomes = {}
    with tempfile.TemporaryDirectory(prefix="gradcheck-retest-") as work:
        copy = os.path.join(work, "repo")
        copy_repository(copy)
        project = os.path.join(copy, TEST_APP, "GradCheck.Tests.Mtp.csproj")
        app = os.path.join(copy, TEST_APP, "bin", "Debug", "net10.0", "GradCheck.Tests")
        for number, (path, mutant) in enumerate(timed_out, 1):
            target = os.path.join(copy, os.path.relpath(path, report.get("projectRoot") or ROOT)) \
                if not path.startswith(ROOT) else os.path.join(copy, os.path.relpath(path, ROOT))
            with open(path, encoding="utf-8") as f:
                original = f.read()
            with open(target, "w", encoding="utf-8") as f:
                f.write(apply(original, mutant["location"], mutant["replacement"]))
            try:
                build = subprocess.run(["dotnet", "build", project, "-nologo", "-v", "quiet"], capture_output=True, text=True)
                if build.returncode != 0:
                    status = "CompileError"
                else:
                    filters = []
                    for name in sorted({names[t] for t in mutant.get("coveredBy") or [] if t in names}):
                        filters += ["--filter-method", name]
                    try:
                        run = subprocess.run([app, "--no-progress"] + filters, capture_output=True, text=True, timeout=seconds)
                        status = "Survived" if run.returncode == 0 else "Killed"
                    except subprocess.TimeoutExpired:
                        status = "Timeout"
            finally:
                with open(target, "w", encoding="utf-8") as f:
                    f.write(original)
            outcomes[mutant["id"]] = status
            where = f'{os.path.relpath(path, ROOT)}:{mutant["location"]["start"]["line"]}'
            print(f'  re-test {number}/{len(timed_out)}: {where} {mutant["mutatorName"]}: {status}', flush=True)
    return outcomes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--retest-seconds", type=int, default=300)
    parser.add_argument("--no-retest", action="store_true")
    args = parser.parse_args()
    report = load(args.report)

    before = Counter(m["status"] for f in report["files"].values() for m in f["mutants"])
    print("Stryker's statuses:", dict(sorted(before.items())))
    outcomes = {} if args.no_retest else retest(report, args.retest_seconds)
    after = Counter()
    survivors = []
    for path, f in report["files"].items():
        for m in f["mutants"]:
            status = outcomes.get(m["id"], m["status"])
            after[status] += 1
            if status in ("Survived", "NoCoverage"):
                survivors.append((os.path.relpath(path, ROOT), m["location"]["start"]["line"], status, m["mutatorName"], m.get("replacement", "")))

    retested = Counter(outcomes.values())
    considered = sum(after.values()) - after["CompileError"] - after["Ignored"]
    killed, timeouts = after["Killed"], after["Timeout"]
    print(f"Timeouts re-tested: {len(outcomes)} -> {dict(sorted(retested.items()))}")
    print(f"Mutants considered (total {sum(after.values())} - {after['CompileError']} compile errors - {after['Ignored']} ignored): {considered}")
    print(f"Killed {killed}, survived {after['Survived']}, no coverage {after['NoCoverage']}, still timing out {timeouts}, "
          f"runtime errors {after['RuntimeError']}")
    if considered:
        print(f"Score (killed / considered): {100 * killed / considered:.1f}%")
        print(f"Score counting the remaining timeouts as detected (Stryker's convention): {100 * (killed + timeouts) / considered:.1f}%")
    with open(os.path.join(os.path.dirname(os.path.abspath(args.report)), "survivors.txt"), "w", encoding="utf-8") as out:
        for survivor in sorted(survivors):
            out.write("{}:{} {} {}: {}\n".format(*survivor))
    return 0


if __name__ == "__main__":
    sys.exit(main())
