using MathNet.Numerics.LinearAlgebra;

namespace GradCheck;

/// <summary>One named input of a <see cref="Differentiable"/>: a matrix, vector or scalar, differentiated or held constant.</summary>
public sealed class CheckInput
{
    private CheckInput(string name, object value, bool isDifferentiated)
    {
        Name = name;
        Value = value;
        IsDifferentiated = isDifferentiated;
    }

    /// <summary>The name used in reports.</summary>
    public string Name { get; }

    /// <summary>The <see cref="Matrix{T}"/>, <see cref="Vector{T}"/> or <see cref="Scalar"/> itself (perturbed in place during a check).</summary>
    public object Value { get; }

    /// <summary>Whether the backward pass returns a gradient for this input. Labels, masks and indices are not.</summary>
    public bool IsDifferentiated { get; }

    /// <summary>A differentiated matrix input.</summary>
    public static CheckInput Of(string name, Matrix<double> value, bool isDifferentiated = true) =>
        new(name, value ?? throw new ArgumentNullException(nameof(value), $"Input '{name}' is null."), isDifferentiated);

    /// <summary>A differentiated vector input.</summary>
    public static CheckInput Of(string name, Vector<double> value, bool isDifferentiated = true) =>
        new(name, value ?? throw new ArgumentNullException(nameof(value), $"Input '{name}' is null."), isDifferentiated);

    /// <summary>A scalar input, differentiated unless said otherwise; its gradient is a <see cref="double"/>.</summary>
    public static CheckInput Of(string name, Scalar value, bool isDifferentiated = true) =>
        new(name, value ?? throw new ArgumentNullException(nameof(value), $"Input '{name}' is null."), isDifferentiated);

    internal ParameterView View() => Value switch
    {
        Scalar s => new ParameterView(Name, s),
        Matrix<double> m => new ParameterView(Name, m),
        Vector<double> v => new ParameterView(Name, v),
        _ => throw new InvalidOperationException($"Input '{Name}' is neither a matrix nor a vector."),
    };
}
