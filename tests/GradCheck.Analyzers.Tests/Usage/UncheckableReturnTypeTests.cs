using static GradCheck.Analyzers.Tests.Usage.UsageVerifier;

namespace GradCheck.Analyzers.Tests.Usage;

/// <summary>GC0007: a [GradCheck] method whose return type the runner cannot check.</summary>
public sealed class UncheckableReturnTypeTests
{
    [Fact]
    public Task Task_of_something_else_is_reported_at_the_return_type() =>
        VerifyAsync(InClass("""
                [GradCheck]
                public {|#0:Task<int>|} F([Shape("N")] Vector<double> v) => Task.FromResult(v.Count);
            """),
            Diagnostic("GC0007").WithLocation(0).WithArguments("F", "Task<int>", GradCheck.TestMethods.TestMethodForms.Accepted));

    [Fact]
    public Task Other_return_types_are_reported() =>
        VerifyAsync(InClass("""
                [GradCheck] public {|GC0007:int|} A() => 0;
                [GradCheck] public {|GC0007:object|} B() => null;
                [GradCheck] public {|GC0007:Matrix<double>|} D([Shape("N", "N")] Matrix<double> m) => m;
                [GradCheck] public {|GC0007:ValueTask<object>|} E() => default;
                [GradCheck] public {|GC0007:Differentiable[]|} G() => null;
                [GradCheck] public {|GC0007:Task<Task<Differentiable>>|} H() => null;
                [GradCheck] public {|GC0007:System.Collections.Generic.IEnumerable<Differentiable>|} I() { yield break; }
            """));

    [Fact]
    public Task Every_return_type_the_runner_accepts_is_not_reported() =>
        VerifyAsync(InClass("""
                #nullable enable
                [GradCheck] public Differentiable A([Shape("N")] Vector<double> v) => Differentiable.Of(() => v, g => g);
                [GradCheck] public Differentiable? A2() => null;
                [GradCheck] public void B() { }
                [GradCheck] public async void B2() => await Task.Yield();
                [GradCheck] public Task C1() => Task.CompletedTask;
                [GradCheck] public async Task C2() => await Task.Yield();
                [GradCheck] public ValueTask D() => default;
                [GradCheck] public Task<Differentiable> E() => Task.FromResult<Differentiable>(null!);
                [GradCheck] public ValueTask<Differentiable?> F() => default;
                [GradCheck]
                public async Task<Differentiable> G([Shape("N")] Vector<double> v) { await Task.Yield(); return Differentiable.Of(() => v, g => g); }
            """));

    [Fact]
    public Task Methods_without_GradCheck_may_return_anything() =>
        VerifyAsync(InClass("""
                public int A() => 0;
                public Task<int> B() => Task.FromResult(0);
            """));

    [Fact]
    public async Task Unresolved_return_types_are_not_reported()
    {
        var result = await AnalyzeAsync(InClass("""
                [GradCheck] public Differentiabel A() => null;
                [GradCheck] public Task<Differentiabel> B() => null;
            """));
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.UsageDiagnostics);
    }
}
