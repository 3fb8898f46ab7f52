namespace GradCheck;

/// <summary>
/// An output of a forward pass that is not differentiated (an accuracy next to a loss, attention weights returned for
/// inspection): the check neither projects it nor passes an upstream gradient for it. Made by <see cref="Output.Constant"/>.
/// </summary>
public sealed class ConstantOutput
{
    internal ConstantOutput(object? value) => Value = value;

    /// <summary>The output itself.</summary>
    public object? Value { get; }
}

/// <summary>Marks outputs of a forward pass that returns several.</summary>
public static class Output
{
    /// <summary>An output the check leaves out: the backward pass gets no upstream gradient for it.</summary>
    /// <param name="value">The output (any value).</param>
    public static ConstantOutput Constant(object? value) => new(value);
}
