namespace GradCheck;

/// <summary>Thrown by <see cref="GradientProperty"/>'s assertion forms; its message is the full failure text.</summary>
public sealed class GradientPropertyException : Exception
{
    /// <summary>Creates the exception for a property that did not pass.</summary>
    public GradientPropertyException(PropertyResult result)
        : base((result ?? throw new ArgumentNullException(nameof(result))).Message, result.Exception) => Result = result;

    /// <summary>Creates the exception with a message other than the result's own (one carrying the test's source location).</summary>
    /// <param name="result">The result behind the failure.</param>
    /// <param name="message">The message to fail with.</param>
    public GradientPropertyException(PropertyResult result, string message)
        : base(message, (result ?? throw new ArgumentNullException(nameof(result))).Exception) => Result = result;

    /// <summary>The result behind the failure.</summary>
    public PropertyResult Result { get; }
}
