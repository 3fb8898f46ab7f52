using System.Reflection;
using System.Runtime.CompilerServices;
using FsCheck;

namespace GradCheck;

/// <summary>
/// Runs a gradient property without any test framework, for NUnit, MSTest, a console or FsCheck's own <c>Prop</c>:
/// the method's <see cref="ShapeAttribute"/>-annotated matrices and vectors are drawn by FsCheck, the returned
/// <see cref="Differentiable"/> is checked by the engine on every sample, and a failure is shrunk onto smaller samples
/// failing the same way. <see cref="PropertyDefaultsAttribute"/> on the method's class or assembly applies here too.
/// </summary>
/// <example>
/// <code>
/// [Test] // NUnit; [TestMethod] in MSTest
/// public void AffineGradients() => GradientProperty.Assert(Affine);
///
/// static Differentiable Affine([Shape("N", "D")] Matrix&lt;double&gt; x, [Shape("D", "M")] Matrix&lt;double&gt; w, [Shape("M")] Vector&lt;double&gt; b) =>
///     Differentiable.Of(() => Layers.Affine.Forward(x, w, b), dout => Layers.Affine.Backward(dout, x, w));
/// </code>
/// </example>
public static class GradientProperty
{
    /// <summary>Runs the property given as a method group or lambda (its parameters carry [Shape] and value-domain attributes).</summary>
    /// <param name="test">The test method: returns a <see cref="Differentiable"/> (or checks itself and returns void/Task).</param>
    /// <param name="options">Samples, sizes, replay, tolerances and cancellation; unset settings come from [PropertyDefaults], then the defaults.</param>
    /// <exception cref="OperationCanceledException"><see cref="PropertyOptions.CancellationToken"/> was cancelled (checked between samples).</exception>
    public static PropertyResult Run(Delegate test, PropertyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(test);
        return Run(test.Method, test.Target, options);
    }

    /// <summary>Runs the property defined by a method (static, or on <paramref name="target"/>).</summary>
    /// <param name="method">The test method.</param>
    /// <param name="target">The instance it is called on; null for a static method.</param>
    /// <param name="options">Samples, sizes, replay, tolerances and cancellation; unset settings come from [PropertyDefaults], then the defaults.</param>
    /// <exception cref="OperationCanceledException"><see cref="PropertyOptions.CancellationToken"/> was cancelled (checked between samples).</exception>
    public static PropertyResult Run(MethodInfo method, object? target, PropertyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!method.IsStatic && target is null)
            return new PropertyResult(PropertyVerdict.Invalid, PropertyReport.Invalid(method, "it is an instance method and no instance was given."));
        return PropertyRunner.Run(method, target, options ?? PropertyOptions.Default);
    }

    /// <summary>
    /// Runs the property named <paramref name="methodName"/> of <paramref name="type"/>, creating an instance with its
    /// parameterless constructor when the method is not static.
    /// </summary>
    /// <param name="type">The class declaring the test method.</param>
    /// <param name="methodName">The test method's name (use <c>nameof</c>).</param>
    /// <param name="options">Samples, sizes, replay, tolerances and cancellation; unset settings come from [PropertyDefaults], then the defaults.</param>
    public static PropertyResult Run(Type type, string methodName, PropertyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(methodName);
        var method = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance)
            ?? throw new ArgumentException($"{type.Name} has no method '{methodName}'.", nameof(methodName));
        return Run(method, method.IsStatic ? null : Activator.CreateInstance(type, nonPublic: true), options);
    }

    /// <summary>Like <see cref="Run(Delegate, PropertyOptions?)"/>, throwing unless the property passes.</summary>
    /// <remarks>
    /// The failure message names the calling test and the line of this call (the compiler fills in the caller
    /// parameters); in GitHub Actions it starts with an <c>::error</c> annotation, also written to <see cref="Console.Out"/>.
    /// </remarks>
    /// <param name="test">The test method: returns a <see cref="Differentiable"/> (or checks itself and returns void/Task).</param>
    /// <param name="options">Samples, sizes, replay, tolerances and cancellation; unset settings come from [PropertyDefaults], then the defaults.</param>
    /// <param name="callerMemberName">Filled in by the compiler.</param>
    /// <param name="callerFilePath">Filled in by the compiler.</param>
    /// <param name="callerLineNumber">Filled in by the compiler.</param>
    /// <returns>The passing result (its message is a one-line summary).</returns>
    /// <exception cref="GradientPropertyException">The property failed, gave up, or cannot run; the message says why.</exception>
    public static PropertyResult Assert(Delegate test, PropertyOptions? options = null, [CallerMemberName] string callerMemberName = "",
        [CallerFilePath] string callerFilePath = "", [CallerLineNumber] int callerLineNumber = 0) =>
        Require(Run(test, options), test.Method, callerMemberName, callerFilePath, callerLineNumber);

    /// <summary>Like <see cref="Run(MethodInfo, object?, PropertyOptions?)"/>, throwing unless the property passes.</summary>
    /// <remarks>The failure message names the calling test and the line of this call, as for <see cref="Assert(Delegate, PropertyOptions?, string, string,
    /// int)"/>.</remarks>
    /// <param name="method">The test method.</param>
    /// <param name="target">The instance it is called on; null for a static method.</param>
    /// <param name="options">Samples, sizes, replay, tolerances and cancellation; unset settings come from [PropertyDefaults], then the defaults.</param>
    /// <param name="callerMemberName">Filled in by the compiler.</param>
    /// <param name="callerFilePath">Filled in by the compiler.</param>
    /// <param name="callerLineNumber">Filled in by the compiler.</param>
    /// <exception cref="GradientPropertyException">The property failed, gave up, or cannot run; the message says why.</exception>
    public static PropertyResult Assert(MethodInfo method, object? target, PropertyOptions? options = null,
        [CallerMemberName] string callerMemberName = "", [CallerFilePath] string callerFilePath = "", [CallerLineNumber] int callerLineNumber = 0) =>
        Require(Run(method, target, options), method, callerMemberName, callerFilePath, callerLineNumber);

    /// <summary>
    /// The property as an FsCheck <see cref="Property"/>, for FsCheck's own runners and configs
    /// (<c>Check.One(config, property)</c>, <c>property.QuickCheckThrowOnFailure()</c>). FsCheck's config then decides
    /// the number of samples and replay; <paramref name="options"/> the sizes, tolerances and mode.
    /// </summary>
    /// <exception cref="ArgumentException">The method cannot be run as a property; the message names the parameter.</exception>
    public static Property ToProperty(Delegate test, PropertyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(test);
        return PropertyRunner.ToProperty(test.Method, test.Target, options ?? PropertyOptions.Default);
    }

    // The call site locates the failure without symbols and also for a lambda; the PDB is the fallback when a caller passed no path.
    private static PropertyResult Require(PropertyResult result, MethodInfo method, string callerMemberName, string callerFilePath, int callerLineNumber)
    {
        if (result.Passed) return result;
        var location = callerFilePath.Length > 0 && callerLineNumber > 0
            ? new SourceLocation(callerFilePath, callerLineNumber)
            : SourceLocation.FromDebugSymbols(method);
        var text = result.ToFailureText(PropertyReport.TestName(method, callerMemberName), location);
        if (text.Annotation is not null) Console.Out.WriteLine(text.Annotation);
        throw new GradientPropertyException(result, text.Message);
    }
}
