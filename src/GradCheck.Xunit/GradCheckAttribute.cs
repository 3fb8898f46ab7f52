using Xunit;
using Xunit.v3;

namespace GradCheck;

/// <summary>
/// Runs the method as a property-based gradient test in xUnit v3: FsCheck draws its <see cref="ShapeAttribute"/>-annotated
/// matrices and vectors (one size per shape symbol, shared across parameters) and its other arguments, the returned
/// <see cref="Differentiable"/> is checked by the engine on every sample, and a failure is shrunk to the smallest sizes
/// and simplest values, reported with the engine's report and the <see cref="Replay"/> setting that reproduces it.
/// </summary>
/// <remarks>
/// The method returns a <see cref="Differentiable"/> (or <c>Task&lt;Differentiable&gt;</c>) whose inputs are its
/// matrix and vector parameters in order (mark labels and masks <see cref="Parameters.ConstantAttribute"/>), or returns
/// void/Task and calls the engine itself. DisplayName, Skip, Timeout, Explicit and traits work as on [Fact].
/// </remarks>
[XunitTestCaseDiscoverer(typeof(GradCheckDiscoverer))]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed partial class GradCheckAttribute : FactAttribute;
