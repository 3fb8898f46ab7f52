// What a [GradCheck] method may return, compiled into both the runner (net10.0) and the usage analyzer
// (netstandard2.0), so the IDE warns exactly where the runner would refuse.
namespace GradCheck.TestMethods;

/// <summary>What the [GradCheck] runner does with a test method, by its return type.</summary>
internal enum TestMethodForm
{
    /// <summary>Returns a <c>Differentiable</c> (directly, or from a <c>Task</c> or <c>ValueTask</c>): the runner checks it.</summary>
    ReturnsDifferentiable,

    /// <summary>Returns void, <c>Task</c> or <c>ValueTask</c>: the method checks itself; an exception fails the sample.</summary>
    ChecksItself,

    /// <summary>Anything else: the runner refuses the method.</summary>
    Unsupported,
}

/// <summary>Classifies a return type by the full metadata names of the type and, for a generic task, its type argument.</summary>
internal static class TestMethodForms
{
    /// <summary>The full metadata name of the type a test method returns for the runner to check.</summary>
    public const string DifferentiableTypeName = "GradCheck.Differentiable";

    /// <summary>The classification, one definition for runner and analyzer.</summary>
    /// <param name="typeName">The return type's full metadata name (<c>System.Void</c>, <c>System.Threading.Tasks.Task`1</c>).</param>
    /// <param name="typeArgumentName">For a generic type with one type argument, that argument's full metadata name; else null.</param>
    public static TestMethodForm Classify(string typeName, string? typeArgumentName) => typeName switch
    {
        DifferentiableTypeName => TestMethodForm.ReturnsDifferentiable,
        "System.Void" or "System.Threading.Tasks.Task" or "System.Threading.Tasks.ValueTask" => TestMethodForm.ChecksItself,
        "System.Threading.Tasks.Task`1" or "System.Threading.Tasks.ValueTask`1" when typeArgumentName == DifferentiableTypeName =>
            TestMethodForm.ReturnsDifferentiable,
        _ => TestMethodForm.Unsupported,
    };

    /// <summary>The sentence both the runner and the analyzer use to say what is accepted.</summary>
    public const string Accepted =
        "return Differentiable (or Task<Differentiable>, ValueTask<Differentiable>) for the runner to check, or void, Task or ValueTask to check it yourself";
}
