#!/usr/bin/env python3
"""The PyTorch peer of GradCheck's quick report: torch.autograd.gradcheck on the bench's own workloads.

The C# bench (`dotnet run -c Release --project bench/GradCheck.Bench -- --quick`) exports its input matrices and its own
forward values and gradients to a folder, runs this script on it and prints both sides in one table. Standalone:

    /usr/bin/python3 bench/peer/gradcheck_peer.py --inputs DIR --output results.json

Each workload is a torch.autograd.Function whose forward and backward transcribe the C# sample's (GradCheck checks a
hand-written backward; so does this). Before timing anything, each workload's forward value and backward gradients on
the exported inputs are compared with the values GradCheck's side computed; a workload that disagrees is not timed.
Progress goes to stderr; the figures go to the --output JSON file.
"""

import argparse
import collections
import contextlib
import gc
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import threading
import time
import traceback

import torch
from torch.autograd import gradcheck
from torch.autograd.gradcheck import GradcheckError

# Forward passes run so far, counted by every Function below (gradcheck calls them through Function.apply).
forward_evaluations = 0


def count_forward():
    global forward_evaluations
    forward_evaluations += 1


# ---------------------------------------------------------------------------------------------------------------------
# The workloads, transcribed from samples/GradCheck.Samples and bench/GradCheck.Bench/Scenarios.cs.

class NetworkLoss(torch.autograd.Function):
    """TwoLayerNetwork: h1 = x·W1 + b1, z1 = σ(h1), z2 = z1·W2 + b2, L = (1/N)·‖z2 − y‖²_F; hand-written backward."""

    @staticmethod
    def forward(ctx, w1, b1, w2, b2, x, y, transpose_dw1):
        count_forward()
        ctx.save_for_backward(w1, b1, w2, b2, x, y)
        ctx.transpose_dw1 = transpose_dw1
        z2 = torch.sigmoid(x @ w1 + b1) @ w2 + b2
        return ((z2 - y) ** 2).sum() / x.shape[0]

    @staticmethod
    def backward(ctx, dout):
        w1, b1, w2, b2, x, y = ctx.saved_tensors
        h1 = x @ w1 + b1
        z1 = torch.sigmoid(h1)
        z2 = z1 @ w2 + b2
        dz2 = (z2 - y) * (2.0 * dout / x.shape[0])
        dw2 = z1.T @ dz2
        db2 = dz2.sum(0)
        dz1 = dz2 @ w2.T
        s = torch.sigmoid(h1)
        dh1 = dz1 * (s * (1 - s))
        dw1 = x.T @ dh1
        db1 = dh1.sum(0)
        if ctx.transpose_dw1:
            dw1 = dw1.T   # the bench's planted bug: a missing transpose (W1 is square)
        return dw1, db1, dw2, db2, None, None, None


class LinearProduct(torch.autograd.Function):
    """y = x·W, both inputs differentiated; optionally one element of dW off by a factor (the large workload's bug)."""

    @staticmethod
    def forward(ctx, x, w, wrong_element, wrong_factor):
        count_forward()
        ctx.save_for_backward(x, w)
        ctx.wrong_element = wrong_element
        ctx.wrong_factor = wrong_factor
        return x @ w

    @staticmethod
    def backward(ctx, dout):
        x, w = ctx.saved_tensors
        dx = dout @ w.T
        dw = x.T @ dout
        if ctx.wrong_element is not None:
            dw[ctx.wrong_element] *= ctx.wrong_factor
        return dx, dw, None, None


class SoftmaxCrossEntropy(torch.autograd.Function):
    """L = −(1/N) Σ Y∘log softmax(z), row-wise; ∂L/∂z = (softmax(z) − Y)/N."""

    @staticmethod
    def forward(ctx, logits, labels):
        count_forward()
        ctx.save_for_backward(logits, labels)
        return -(labels * torch.log_softmax(logits, dim=1)).sum() / logits.shape[0]

    @staticmethod
    def backward(ctx, dout):
        logits, labels = ctx.saved_tensors
        return (torch.softmax(logits, dim=1) - labels) * (dout / logits.shape[0]), None


# ---------------------------------------------------------------------------------------------------------------------
# The exported inputs: manifest.json names each tensor's shape and file of row-major little-endian float64 values.

def load_inputs(folder):
    with open(os.path.join(folder, "manifest.json"), encoding="utf-8") as file:
        manifest = json.load(file)
    tensors = {}
    for name, entry in manifest["tensors"].items():
        with open(os.path.join(folder, entry["file"]), "rb") as file:
            data = bytearray(file.read())
        tensors[name] = torch.frombuffer(data, dtype=torch.float64).reshape(entry["shape"]).clone()
    return manifest, tensors


class Family:
    """One function of the bench (network, linear, softmax, large) over its exported inputs."""

    def __init__(self, name, inputs, function, reference_upstream):
        self.name = name
        self.inputs = inputs                          # the differentiated tensors, in the C# side's order
        self.function = function                      # (bug: bool) -> callable over the inputs
        self.reference_upstream = reference_upstream  # the upstream gradient the C# side used for its reference gradients

    def fresh_inputs(self):
        return tuple(t.detach().clone().requires_grad_(True) for t in self.inputs)


def families(manifest, t):
    wrong = manifest["large_wrong_element"]
    wrong_element, wrong_factor = (wrong["row"], wrong["column"]), wrong["factor"]
    return [
        Family("network", [t["network.W1"], t["network.b1"], t["network.W2"], t["network.b2"]],
               lambda bug: lambda w1, b1, w2, b2: NetworkLoss.apply(w1, b1, w2, b2, t["network.x"], t["network.y"], bug),
               None),
        Family("linear", [t["linear.x"], t["linear.W"]],
               lambda bug: lambda x, w: LinearProduct.apply(x, w, None, 1.0),
               "output"),
        Family("softmax", [t["softmax.logits"]],
               lambda bug: lambda logits: SoftmaxCrossEntropy.apply(logits, t["softmax.labels"]),
               None),
        Family("large", [t["large.x"], t["large.W"]],
               lambda bug: lambda x, w: LinearProduct.apply(x, w, wrong_element if bug else None, wrong_factor),
               "output"),
    ]


def verify(family, manifest, t):
    """Compares the forward value and hand-written gradients with the C# side's on the same inputs.

    Returns the largest difference, relative to the largest magnitude of the C# value it belongs to, and where it is. The
    upstream gradient is 1 for a scalar loss and the output itself for a matrix output (the gradient of ½‖y‖²), as on
    the C# side.
    """
    inputs = family.fresh_inputs()
    output = family.function(False)(*inputs)
    upstream = torch.ones_like(output) if family.reference_upstream is None else output.detach().clone()
    gradients = torch.autograd.grad(output, inputs, upstream)
    compared = [("output", output.detach(), t[f"{family.name}.reference.output"])]
    compared += [(f"d{name}", g, t[f"{family.name}.reference.d{name}"])
                 for name, g in zip(manifest["input_names"][family.name], gradients)]
    worst, worst_name = 0.0, ""
    for name, peer_value, gradcheck_value in compared:
        peer_value = peer_value.reshape(gradcheck_value.shape)
        scale = max(gradcheck_value.abs().max().item(), 1e-300)
        difference = (peer_value - gradcheck_value).abs().max().item() / scale
        if difference >= worst:
            worst, worst_name = difference, name
    return worst, worst_name


# ---------------------------------------------------------------------------------------------------------------------
# Measuring: wall time per run, a timeout per run, forward evaluations, and the peak resident set of one run.

class RunTimedOut(Exception):
    pass


def run_with_timeout(action, seconds):
    # SIGALRM raises between Python bytecodes; gradcheck's slow mode loops in Python, so a stuck check stops too.
    def on_alarm(signum, frame):
        raise RunTimedOut(f"timed out after {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return action()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def status_bytes(field):
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise OSError(f"no {field} in /proc/self/status")


def peak_rss_growth(action):
    """Runs action; returns its result and how far the resident set rose above where it stood before."""
    gc.collect()
    try:
        # Writing 5 to clear_refs resets the kernel's high-water mark VmHWM to the current resident set.
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
        baseline = status_bytes("VmRSS")
        result = action()
        return result, status_bytes("VmHWM") - baseline
    except OSError:
        return sampled_rss_growth(action)


def sampled_rss_growth(action):
    baseline = status_bytes("VmRSS")
    peak = [baseline]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], status_bytes("VmRSS"))
            time.sleep(0.001)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        result = action()
    finally:
        done.set()
        sampler.join()
    return result, peak[0] - baseline


def measure(check, runs, warm_up, timeout):
    """Median wall time of `runs` runs after an untimed warm-up run; forward passes of the last run."""
    global forward_evaluations
    if warm_up:
        run_with_timeout(check, timeout)
    times = []
    for _ in range(runs):
        forward_evaluations = 0
        start = time.perf_counter()
        outcome = run_with_timeout(check, timeout)
        times.append((time.perf_counter() - start) * 1000)
    return {"median_ms": statistics.median(times), "runs_ms": times, "outcome": outcome, "forward_evaluations": forward_evaluations}


def memory_in_fresh_process(key, arguments):
    """Peak resident-set growth of one run of a workload in a new process of this script: in this one, memory that earlier
    workloads freed stays mapped, and a later check would reuse it without the resident set rising."""
    command = [sys.executable, os.path.abspath(__file__), "--inputs", arguments.inputs, "--memory-of", key,
               "--timeout", str(arguments.timeout)]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=arguments.timeout + 120, check=False)
    if finished.returncode != 0:
        raise RuntimeError(f"memory run of {key} exited with {finished.returncode}: {finished.stderr.strip()[-500:]}")
    return json.loads(finished.stdout.strip().splitlines()[-1])["peak_rss_growth_bytes"]


def full_check(family, bug=False):
    return lambda: checked(lambda: gradcheck(family.function(bug), family.fresh_inputs()), bug)


def fast_check(family, bug=False):
    return lambda: checked(lambda: gradcheck(family.function(bug), family.fresh_inputs(), fast_mode=True), bug)


def fast_detection(family):
    """Fast mode on the planted bug, without the full Jacobians it computes for its message once it has found a mismatch."""
    def run():
        with slow_mode_message_skipped():
            return checked(lambda: gradcheck(family.function(True), family.fresh_inputs(), fast_mode=True), True)
    return run


@contextlib.contextmanager
def slow_mode_message_skipped():
    # On a mismatch, fast mode recomputes the numerical Jacobian of every input in slow mode to print it: for the large
    # workload two million forward passes into a 65 GB tensor, more than this machine has. What is left is the detection.
    module = sys.modules["torch.autograd.gradcheck"]
    original = module._run_slow_mode_and_get_error
    module._run_slow_mode_and_get_error = lambda *arguments, **options: "\n(slow-mode recomputation skipped by the bench)"
    try:
        yield
    finally:
        module._run_slow_mode_and_get_error = original


def checked(run_gradcheck, bug):
    """The outcome, raising when it is not the expected one (a correct backward must pass, a planted bug must raise)."""
    try:
        run_gradcheck()
    except GradcheckError:
        if bug:
            return "raised GradcheckError"
        raise
    if bug:
        return "passed: missed the planted bug"
    return "passed"


# ---------------------------------------------------------------------------------------------------------------------

Workload = collections.namedtuple("Workload", "key family check threads runs warm_up memory")


def workloads(by_name):
    """The workloads in the order they run. `memory`: also measure the peak resident set of one run, in a fresh process.

    The linear full check (6–12 s a run) has no warm-up of its own: the network's full check before it runs the same code.
    """
    network, linear, softmax, large = (by_name[n] for n in ("network", "linear", "softmax", "large"))
    slow, quick = 3, 5
    return [
        Workload("network.full.t1", network, full_check(network), 1, slow, True, False),
        Workload("linear.full.t1", linear, full_check(linear), 1, slow, False, True),
        Workload("softmax.full.t1", softmax, full_check(softmax), 1, slow, True, False),
        Workload("network-bug.full", network, full_check(network, bug=True), 1, slow, True, False),
        Workload("network.fast", network, fast_check(network), 1, quick, True, False),
        Workload("linear.fast", linear, fast_check(linear), 1, quick, True, False),
        Workload("softmax.fast", softmax, fast_check(softmax), 1, quick, True, False),
        Workload("network-bug.fast", network, fast_check(network, bug=True), 1, quick, True, False),
        Workload("large.fast", large, fast_check(large), 1, slow, True, True),
        Workload("large-bug.fast", large, fast_detection(large), 1, slow, True, True),
        Workload("network.full.t2", network, full_check(network), 2, slow, True, False),
        Workload("linear.full.t2", linear, full_check(linear), 2, slow, False, False),
        Workload("softmax.full.t2", softmax, full_check(softmax), 2, slow, True, False),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", required=True, help="folder written by the C# bench (manifest.json and .f64 files)")
    parser.add_argument("--output", help="JSON file for the figures")
    parser.add_argument("--only", default="", help="comma-separated workload keys to run (default: all)")
    parser.add_argument("--timeout", type=float, default=180, help="seconds allowed for one run of one check")
    parser.add_argument("--memory-of", help=argparse.SUPPRESS)   # the fresh process that measures one workload's memory
    arguments = parser.parse_args()
    if not arguments.output and not arguments.memory_of:
        parser.error("--output is required")

    torch.set_num_threads(1)
    torch.manual_seed(0)   # fast mode's random directions, the same in every run
    manifest, tensors = load_inputs(arguments.inputs)
    by_name = {f.name: f for f in families(manifest, tensors)}
    if arguments.memory_of:
        return print_memory_of(arguments.memory_of, by_name, arguments.timeout)

    results = {
        "python": platform.python_version(),
        "interpreter": sys.executable,
        "torch": torch.__version__,
        "blas": blas_libraries(),
        "verification": {},
        "figures": {},
        "errors": {},
    }
    mismatched = verify_all(by_name, manifest, tensors, results["verification"])

    only = {key for key in arguments.only.split(",") if key}
    for workload in workloads(by_name):
        key = workload.key
        if only and key not in only:
            continue
        if workload.family.name in mismatched:
            results["errors"][key] = f"not timed: the {workload.family.name} function differs from GradCheck's side (see verification)"
            continue
        progress(f"{key}: {workload.threads} thread(s), {workload.runs} runs{' after a warm-up' if workload.warm_up else ''} ...")
        try:
            torch.set_num_threads(workload.threads)
            record = measure(workload.check, workload.runs, workload.warm_up, arguments.timeout)
            if workload.memory:
                record["peak_rss_growth_bytes"] = memory_in_fresh_process(key, arguments)
            results["figures"][key] = record
            progress(f"{key}: median {record['median_ms']:.1f} ms, {record['outcome']}")
        except (RunTimedOut, subprocess.TimeoutExpired) as error:
            results["errors"][key] = str(error)
            progress(f"{key}: FAILED, {error}")
        except Exception as error:  # one failing workload must not lose the others' figures
            results["errors"][key] = f"{type(error).__name__}: {error}"
            progress(f"{key}: FAILED {type(error).__name__}: {error}\n{traceback.format_exc()}")
        finally:
            torch.set_num_threads(1)
        write_json(arguments.output, results)

    write_json(arguments.output, results)
    return 0


def verify_all(by_name, manifest, tensors, verification):
    """Fills `verification` per function; returns the names of those that differ from GradCheck's side."""
    mismatched = set()
    for family in by_name.values():
        try:
            difference, where = verify(family, manifest, tensors)
            verification[family.name] = {"max_relative_difference": difference, "where": where}
            if difference > 1e-9:
                mismatched.add(family.name)
        except Exception as error:  # a broken export or transcription: report it, time nothing of this function
            verification[family.name] = {"error": f"{type(error).__name__}: {error}"}
            mismatched.add(family.name)
        progress(f"{family.name}: same function as GradCheck's side? {verification[family.name]}")
    return mismatched


def print_memory_of(key, by_name, timeout):
    workload = next(w for w in workloads(by_name) if w.key == key)
    torch.set_num_threads(workload.threads)
    _, growth = peak_rss_growth(lambda: run_with_timeout(workload.check, timeout))
    print(json.dumps({"peak_rss_growth_bytes": growth}))
    return 0


def blas_libraries():
    """The BLAS that torch's matrix products run on (Debian's torch takes whichever package provides libblas.so.3), as the
    last two parts of each loaded library's path: blas/libblas.so.3.11.0 is the reference BLAS."""
    torch.ones(2, 2, dtype=torch.float64) @ torch.ones(2, 2, dtype=torch.float64)   # loads it if it is loaded lazily
    with open("/proc/self/maps", encoding="ascii", errors="replace") as maps:
        paths = {line.split()[-1] for line in maps if "/" in line}
    libraries = {"/".join(path.split("/")[-2:]) for path in paths if "blas" in os.path.basename(path)}
    return ", ".join(sorted(libraries)) or "unknown"


def progress(message):
    print(message, file=sys.stderr, flush=True)


def write_json(path, results):
    temporary = path + ".tmp"
    with open(temporary, "w", encoding="utf-8") as file:
        json.dump(results, file, indent=1)
    os.replace(temporary, path)


if __name__ == "__main__":
    sys.exit(main())
