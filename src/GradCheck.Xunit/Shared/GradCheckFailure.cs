using GradCheck;

// xUnit (v2 and v3) prefixes a failure message with the exception's type name unless the type is in namespace
// Xunit.Sdk; without the prefix the message's first line (a GitHub annotation in CI) starts the line in the console.
namespace Xunit.Sdk;

/// <summary>A failed [GradCheck] test: its message is the report with the test's source location.</summary>
internal sealed class GradCheckFailure(PropertyResult result, string message) : Exception(message, result.Exception)
{
    /// <summary>The result behind the failure.</summary>
    public PropertyResult Result { get; } = result;
}
