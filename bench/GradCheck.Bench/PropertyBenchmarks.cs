using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace GradCheck.Bench;

/// <summary>What a default <c>[GradCheck]</c> test of an affine layer costs: 100 FsCheck samples, each checked by the engine.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PropertyBenchmarks
{
    [Benchmark(Description = "[GradCheck] affine layer, default settings (100 samples)")]
    public PropertyVerdict DefaultAffineProperty() => GradientProperty.Run(AffineProperty).Verdict;

    /// <summary>The property exactly as a user writes it under [GradCheck].</summary>
    public static Differentiable AffineProperty(
        [Shape("N", "D")] Matrix<double> x, [Shape("D", "M")] Matrix<double> w, [Shape("M")] Vector<double> b) =>
        Differentiable.Of(() => Affine.Forward(x, w, b), dout => Affine.Backward(dout, x, w));
}
