using MathNet.Numerics.LinearAlgebra;

namespace GradCheck;

/// <summary>One named input of a <see cref="Differentiable"/>: a matrix, vector or scalar, differentiated or held constant.</summary>
public sealed class CheckInput
{
    private CheckInput(string name, object value, bool isDifferentiated)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Value = value ?? throw new ArgumentNullException(nameof(value), $"Input '{name}' is null.");
        IsDifferentiated = isDifferentiated;
    }

    /// <summary>A matrix input.</summary>
    /// <param name="name">The name used in reports.</param>
    /// <param name="value">The matrix; the check perturbs it in place and restores it bit for bit.</param>
    /// <param name="isDifferentiated">Whether the backward pass returns a gradient for it (false for labels and masks).</param>
    public CheckInput(string name, Matrix<double> value, bool isDifferentiated = true) : this(name, (object)value, isDifferentiated) { }

    /// <summary>A vector input.</summary>
    /// <inheritdoc cref="CheckInput(string, Matrix{double}, bool)" path="/param"/>
    public CheckInput(string name, Vector<double> value, bool isDifferentiated = true) : this(name, (object)value, isDifferentiated) { }

    /// <summary>A float32 matrix input: the check runs the layer in float32, with float32's steps and rounding.</summary>
    /// <inheritdoc cref="CheckInput(string, Matrix{double}, bool)" path="/param"/>
    public CheckInput(string name, Matrix<float> value, bool isDifferentiated = true) : this(name, (object)value, isDifferentiated) { }

    /// <summary>A float32 vector input.</summary>
    /// <inheritdoc cref="CheckInput(string, Matrix{double}, bool)" path="/param"/>
    public CheckInput(string name, Vector<float> value, bool isDifferentiated = true) : this(name, (object)value, isDifferentiated) { }

    /// <summary>A scalar input; its gradient is a <see cref="double"/> (or a <see cref="float"/>).</summary>
    /// <inheritdoc cref="CheckInput(string, Matrix{double}, bool)" path="/param"/>
    public CheckInput(string name, Scalar value, bool isDifferentiated = true) : this(name, (object)value, isDifferentiated) { }

    /// <summary>The name used in reports.</summary>
    public string Name { get; }

    /// <summary>
    /// The <see cref="Matrix{T}"/> or <see cref="Vector{T}"/> (of double or float) or <see cref="Scalar"/> itself (perturbed in
    /// place during a check).
    /// </summary>
    public object Value { get; }

    /// <summary>Whether the backward pass returns a gradient for this input. Labels, masks and indices are not.</summary>
    public bool IsDifferentiated { get; }

    /// <summary>An input of a layer generic in its element type, which must be float or double.</summary>
    internal static CheckInput OfGeneric(object value, string? name, bool differentiated)
    {
        ArgumentNullException.ThrowIfNull(value, name ?? nameof(value));
        if (value is not (Matrix<double> or Vector<double> or Matrix<float> or Vector<float>))
            throw new ArgumentException(
                $"Input '{name}' is a {value.GetType().Name} of {value.GetType().GetGenericArguments().FirstOrDefault()?.Name}: the check " +
                "perturbs matrices and vectors of double or float only.", nameof(value));
        return new CheckInput(name ?? "input", value, differentiated);
    }

    internal InputStorage Storage() => Value switch
    {
        Scalar s => new InputStorage(Name, s),
        Matrix<double> m => new InputStorage(Name, m),
        Vector<double> v => new InputStorage(Name, v),
        Matrix<float> m => new InputStorage(Name, m),
        Vector<float> v => new InputStorage(Name, v),
        _ => throw new InvalidOperationException($"Input '{Name}' is neither a matrix, a vector nor a Scalar."),
    };
}
