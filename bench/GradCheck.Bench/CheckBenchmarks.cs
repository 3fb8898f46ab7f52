using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace GradCheck.Bench;

/// <summary>
/// The engine's costs on the benchmark workloads (Scenarios). Ratios are against the bare evaluations a full check needs
/// (baseline), measured in the same run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class NetworkBenchmarks
{
    private readonly Scenarios scenarios = new();

    [Benchmark(Baseline = true, Description = "network: 2n+1 bare forward passes")]
    public double BareEvaluations() => scenarios.NetworkBareEvaluations();

    [Benchmark(Description = "network: full check, one thread")]
    public Verdict Full() => GradientCheck.Run(scenarios.NetworkCorrect(), new CheckOptions { Mode = CheckMode.Full, Seed = 1 }).Verdict;

    [Benchmark(Description = "network: full check, both cores (factory of copies)")]
    public Verdict FullParallel() => GradientCheck.Run(scenarios.NetworkFactory(), new CheckOptions { Mode = CheckMode.Full, Seed = 1 }).Verdict;

    [Benchmark(Description = "network: default check, passing")]
    public Verdict DefaultPassing() => GradientCheck.Run(scenarios.NetworkCorrect(), new CheckOptions { Seed = 1 }).Verdict;

    [Benchmark(Description = "network: default check, failing, with localised report")]
    public string DefaultFailing() => GradientCheck.Run(scenarios.NetworkWithBug(), new CheckOptions { Seed = 1 }).Report;
}

/// <inheritdoc cref="NetworkBenchmarks"/>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class LinearBenchmarks
{
    private readonly Scenarios scenarios = new();

    [Benchmark(Baseline = true, Description = "linear: 2n+1 bare forward passes")]
    public double BareEvaluations() => scenarios.LinearBareEvaluations();

    [Benchmark(Description = "linear: full check, one thread")]
    public Verdict Full() => GradientCheck.Run(scenarios.Linear(), new CheckOptions { Mode = CheckMode.Full, Seed = 1 }).Verdict;

    [Benchmark(Description = "linear: full check, both cores (factory of copies)")]
    public Verdict FullParallel() => GradientCheck.Run(scenarios.LinearFactory(), new CheckOptions { Mode = CheckMode.Full, Seed = 1 }).Verdict;

    [Benchmark(Description = "linear: default check")]
    public Verdict Default() => GradientCheck.Run(scenarios.Linear(), new CheckOptions { Seed = 1 }).Verdict;
}

/// <inheritdoc cref="NetworkBenchmarks"/>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SoftmaxCrossEntropyBenchmarks
{
    private readonly Scenarios scenarios = new();

    [Benchmark(Description = "softmax cross-entropy 64×100: full check, one thread")]
    public Verdict Full() => GradientCheck.Run(scenarios.SoftmaxCrossEntropy(), new CheckOptions { Mode = CheckMode.Full, Seed = 1 }).Verdict;

    [Benchmark(Description = "softmax cross-entropy 64×100: full check, both cores (factory of copies)")]
    public Verdict FullParallel() => GradientCheck.Run(scenarios.SoftmaxCrossEntropyFactory(), new CheckOptions { Mode = CheckMode.Full, Seed = 1 }).Verdict;

    [Benchmark(Description = "softmax cross-entropy 64×100: default check")]
    public Verdict Default() => GradientCheck.Run(scenarios.SoftmaxCrossEntropy(), new CheckOptions { Seed = 1 }).Verdict;
}

/// <summary>Default checks of a million weights (<see cref="LargeScenario"/>): passing, and failing on one wrong element, localised.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class LargeBenchmarks
{
    private readonly LargeScenario scenario = new();

    [Benchmark(Description = "large x·W (W 1000×1000): default check, passing")]
    public Verdict DefaultPassing() => GradientCheck.Run(scenario.Linear(), new CheckOptions { Seed = 1 }).Verdict;

    [Benchmark(Description = "large x·W (W 1000×1000): default check, one wrong element among 10⁶, localised")]
    public string DefaultFailing() => GradientCheck.Run(scenario.LinearWithOneWrongElement(), new CheckOptions { Seed = 1 }).Report;
}
