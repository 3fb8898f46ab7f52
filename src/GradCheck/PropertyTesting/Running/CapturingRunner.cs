using FsCheck;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace GradCheck;

/// <summary>An FsCheck runner that prints nothing and keeps the final <see cref="TestResult"/> for the report.</summary>
internal sealed class CapturingRunner : IRunner
{
    public TestResult? Result { get; private set; }

    public void OnStartFixture(Type type) { }

    public void OnArguments(int testNumber, FSharpList<object> arguments, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every) { }

    public void OnShrink(FSharpList<object> arguments, FSharpFunc<FSharpList<object>, string> everyShrink) { }

    public void OnFinished(string name, TestResult result) => Result = result;
}
