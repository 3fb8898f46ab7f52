using System.Collections.Concurrent;
using GradCheck.Tests.Fixtures;

namespace GradCheck.Tests.Engine;

/// <summary>
/// Checks that touch the same storage at once (one Differentiable checked from two tests, two layers sharing a weight,
/// test classes running in parallel) take turns: neither snapshots nor reads an input the other has perturbed, and the
/// input comes back bit for bit. The interleaving is forced: the first check is held inside a perturbed evaluation
/// while the second starts.
/// </summary>
public class SharedInputTests
{
    [Theory]
    [InlineData(CheckMode.Default)]
    [InlineData(CheckMode.Full)]
    public async Task A_second_check_of_a_shared_weight_waits_for_the_first_and_both_see_the_weight_as_it_is(CheckMode mode)
    {
        var w = Draw.Matrix(new Random(3), 3, 3);
        var before = w.Clone();
        var (x1, x2) = (Draw.Matrix(new Random(4), 2, 3), Draw.Matrix(new Random(5), 2, 3));
        var events = new ConcurrentQueue<string>();
        using var firstIsInside = new ManualResetEventSlim();
        using var releaseFirst = new ManualResetEventSlim();
        var firstCalls = 0;

        // The first layer blocks in its fifth evaluation, with w or x1 perturbed; the second layer reads the same w.
        var first = Differentiable.Of(() =>
            {
                events.Enqueue("first");
                if (++firstCalls == 5)
                {
                    firstIsInside.Set();
                    releaseFirst.Wait(TestContext.Current.CancellationToken);
                }

                return x1 * w;
            }, d => (d * w.Transpose(), x1.TransposeThisAndMultiply(d))).WithInput(x1, "x1").WithInput(w, "w");
        var second = Differentiable.Of(() =>
            {
                events.Enqueue("second");
                return x2 * w;
            }, d => (d * w.Transpose(), x2.TransposeThisAndMultiply(d))).WithInput(x2, "x2").WithInput(w, "w");

        var firstRun = Task.Run(() => GradientCheck.Run(first, new CheckOptions { Mode = mode, Seed = 1 }), TestContext.Current.CancellationToken);
        Assert.True(firstIsInside.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        var secondRun = Task.Run(() => GradientCheck.Run(second, new CheckOptions { Mode = mode, Seed = 2 }), TestContext.Current.CancellationToken);
        // However long the second check is given, it cannot get past the first's hold on w.
        var winner = await Task.WhenAny(secondRun, Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken));
        Assert.NotSame(secondRun, winner);
        releaseFirst.Set();

        Assert.Equal(Verdict.Passed, (await firstRun).Verdict);
        Assert.Equal(Verdict.Passed, (await secondRun).Verdict);
        Assert.Equal(before.ToColumnMajorArray().Select(BitConverter.DoubleToInt64Bits), w.ToColumnMajorArray().Select(BitConverter.DoubleToInt64Bits));
        // Every evaluation of the second layer came after the first check ended.
        var order = events.ToList();
        Assert.True(order.LastIndexOf("first") < order.IndexOf("second"), string.Join(" ", order));
    }

    [Fact]
    public void The_same_differentiable_checked_from_many_threads_at_once_always_passes_and_comes_back_bit_for_bit()
    {
        var x = Draw.Matrix(new Random(6), 4, 5);
        var before = x.Clone();
        var layer = Differentiable.Of(() => x.PointwiseMultiply(x), d => 2 * d.PointwiseMultiply(x)).WithInput(x);
        var results = Enumerable.Range(0, 16).AsParallel().WithDegreeOfParallelism(8)
            .Select(seed => GradientCheck.Run(layer, new CheckOptions { Seed = seed })).ToList();
        Assert.All(results, r => Assert.Equal(Verdict.Passed, r.Verdict));
        Assert.Equal(before.ToColumnMajorArray().Select(BitConverter.DoubleToInt64Bits), x.ToColumnMajorArray().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public async Task Checks_over_overlapping_inputs_taken_in_opposite_orders_do_not_deadlock()
    {
        var (a, b) = (Draw.Matrix(new Random(7), 3, 3), Draw.Matrix(new Random(8), 3, 3));
        var ab = Differentiable.Of(() => a * b, d => (d * b.Transpose(), a.TransposeThisAndMultiply(d))).WithInput(a, "a").WithInput(b, "b");
        var ba = Differentiable.Of(() => b * a, d => (d * a.Transpose(), b.TransposeThisAndMultiply(d))).WithInput(b, "b").WithInput(a, "a");
        var runs = Enumerable.Range(0, 40).Select(i => Task.Run(() => GradientCheck.Run(i % 2 == 0 ? ab : ba, new CheckOptions { Seed = i }),
            TestContext.Current.CancellationToken)).ToArray();
        var results = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.All(results, r => Assert.Equal(Verdict.Passed, r.Verdict));
    }
}
