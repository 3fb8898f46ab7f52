namespace GradCheck;

/// <summary>Thrown by <see cref="GradCheckProperty"/>'s assertion forms; its message is the full failure text.</summary>
public sealed class GradCheckPropertyException : Exception
{
    /// <summary>Creates the exception for a property that did not pass.</summary>
    public GradCheckPropertyException(PropertyResult result)
        : base((result ?? throw new ArgumentNullException(nameof(result))).Message, result.Exception) => Result = result;

    /// <summary>The result behind the failure.</summary>
    public PropertyResult Result { get; }
}
