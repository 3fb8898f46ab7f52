using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace GradCheck;

/// <summary>
/// A forward pass seen as the scalar objective φ(x) = ⟨u, F(x)⟩ for a fixed upstream gradient u, and the backward pass
/// that gives its gradient, the vector–Jacobian product uᵀ·J. Checking φ checks the whole Jacobian against u.
/// </summary>
internal abstract class ProjectedObjective
{
    /// <summary>The output's shape; null while unknown and for a scalar output.</summary>
    public TensorShape? OutputShape { get; protected set; }

    /// <summary>Runs the forward pass and returns a copy of its output's elements (column-major; one for a scalar).</summary>
    public abstract double[] EvaluateOutput();

    /// <summary>Fixes u: 1 for a scalar output, standard normal elements otherwise.</summary>
    public abstract void DrawUpstream(Random random);

    /// <summary>φ(x) = ⟨u, F(x)⟩, and Σ|uᵢ·Fᵢ(x)|, the scale of its rounding error.</summary>
    public abstract double Project(out double magnitude);

    /// <summary>Runs the backward pass with u and returns what it returned.</summary>
    public abstract object? Backward();
}

/// <summary>The <see cref="ProjectedObjective"/> of user delegates with output type <typeparamref name="TOut"/>.</summary>
internal sealed class ProjectedObjective<TOut>(Func<TOut> forward, Func<TOut, object?> backward) : ProjectedObjective
{
    private double[] upstream = [1.0];

    public override double[] EvaluateOutput()
    {
        var output = forward();
        var shape = ShapeOf(output);
        if (OutputShape is { } expected && shape != expected) throw ShapeChanged(output, expected);
        if (OutputShape is null && shape is not null) OutputShape = shape;
        var values = new double[shape?.Count ?? 1];
        for (var i = 0; i < values.Length; i++) values[i] = Element(output, i);
        return values;
    }

    public override void DrawUpstream(Random random)
    {
        if (OutputShape is not { } shape) { upstream = [1.0]; return; }
        upstream = new double[shape.Count];
        for (var i = 0; i < upstream.Length; i++) upstream[i] = Normal.Sample(random, 0.0, 1.0);
    }

    public override double Project(out double magnitude)
    {
        var output = forward();
        if (OutputShape is { } expected && ShapeOf(output) != expected) throw ShapeChanged(output, expected);

        double sum = 0, absolute = 0;
        var dense = (output as Matrix<double>)?.AsColumnMajorArray() ?? (output as Vector<double>)?.AsArray();
        for (var i = 0; i < upstream.Length; i++)
        {
            var value = dense is not null ? dense[i] : Element(output, i);
            if (!double.IsFinite(value)) throw NonFinite(value, i);
            var term = upstream[i] * value;
            sum += term;
            absolute += Math.Abs(term);
        }

        if (!double.IsFinite(absolute))
            throw new CheckFaultException(new CheckFault(FaultKind.OutputTooLarge,
                "The forward pass's outputs are finite but too large for the check to sum: ⟨u, F(x)⟩ overflows. Scale the outputs " +
                "down (by a power of two, which keeps every digit) to check this gradient."));
        magnitude = absolute;
        return sum;
    }

    private static CheckFaultException ShapeChanged(TOut output, TensorShape expected) => new(new CheckFault(FaultKind.OutputShapeChanged,
        output is null
            ? $"The forward pass returned null after returning a {expected} {expected.KindName}."
            : $"The forward pass returned a {ShapeOf(output)} output after returning {expected}: its shape must not depend on the input values."));

    private CheckFaultException NonFinite(double value, int index) => new(new CheckFault(FaultKind.NonFiniteOutput,
        $"The forward pass produced {value} at output element {OutputShape?.ElementLabel(index) ?? "(the scalar)"}. " +
        "Keep inputs inside the function's domain (for example positive arguments of log or sqrt)."));

    public override object? Backward() => backward(UpstreamAsOutput());

    private TOut UpstreamAsOutput()
    {
        // A fresh copy: a backward pass that scribbles on its upstream gradient must not change ours.
        object value = OutputShape switch
        {
            { IsMatrix: true } s => Matrix<double>.Build.Dense(s.Rows, s.Columns, (double[])upstream.Clone()),
            { } s => Vector<double>.Build.Dense((double[])upstream.Clone()),
            null => upstream[0],
        };
        return (TOut)value;
    }

    private static TensorShape? ShapeOf(TOut? output) => output switch
    {
        Matrix<double> m => new TensorShape(m.RowCount, m.ColumnCount, IsMatrix: true),
        Vector<double> v => new TensorShape(v.Count, 1, IsMatrix: false),
        _ => null,
    };

    private static double Element(TOut output, int index) => output switch
    {
        Matrix<double> m => m.At(index % m.RowCount, index / m.RowCount),
        Vector<double> v => v.At(index),
        double d => d,
        _ => throw new CheckFaultException(new CheckFault(FaultKind.InvalidArgument,
            $"The forward pass returned {(output is null ? "null" : output.GetType().Name)}; expected a Matrix<double>, a Vector<double> or a double.")),
    };
}
