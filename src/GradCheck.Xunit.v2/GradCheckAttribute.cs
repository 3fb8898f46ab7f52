using Xunit;
using Xunit.Sdk;

namespace GradCheck;

/// <summary>
/// Runs the method as a property-based gradient test in xUnit v2: FsCheck draws its <see cref="ShapeAttribute"/>-annotated
/// matrices and vectors (one size per shape symbol, shared across parameters) and its other arguments, the returned
/// <see cref="Differentiable"/> is checked by the engine on every sample, and a failure is shrunk and reported with the
/// <see cref="Replay"/> setting that reproduces it. DisplayName, Skip and Timeout work as on [Fact].
/// </summary>
[XunitTestCaseDiscoverer("GradCheck.GradCheckDiscoverer", "GradCheck.Xunit.v2")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed partial class GradCheckAttribute : FactAttribute;
