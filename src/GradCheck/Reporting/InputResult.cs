namespace GradCheck;

/// <summary>What a check found for one differentiated input.</summary>
public sealed class InputResult
{
    internal InputResult(string name, TensorShape shape) { Name = name; ShapeInfo = shape; }

    /// <summary>The input's name.</summary>
    public string Name { get; }

    /// <summary>Its shape, as "rows×columns" or "length".</summary>
    public string Shape => ShapeInfo.ToString();

    /// <summary>Whether the input is a matrix (otherwise a vector).</summary>
    public bool IsMatrix => ShapeInfo.IsMatrix;

    /// <summary>Whether the input is a <see cref="Scalar"/>.</summary>
    public bool IsScalar => ShapeInfo.IsScalar;

    /// <summary>Its number of elements.</summary>
    public int ElementCount => ShapeInfo.Count;

    /// <summary>The verdict on this input.</summary>
    public Outcome Outcome { get; internal set; }

    /// <summary>Directional probes run over this input, and how many of them failed.</summary>
    public int Probes { get; internal set; }

    /// <inheritdoc cref="Probes"/>
    public int FailedProbes { get; internal set; }

    /// <summary>Elements checked one by one.</summary>
    public int CheckedElements { get; internal set; }

    /// <summary>Checked elements found wrong.</summary>
    public int FailedElements { get; internal set; }

    /// <summary>Checked elements found on a kink.</summary>
    public int NonDifferentiableElements { get; internal set; }

    /// <summary>
    /// How many elements are wrong: exact when every element was checked, otherwise estimated from block probes and
    /// a sample of elements (see <see cref="IsEstimate"/>).
    /// </summary>
    public int WrongElements { get; internal set; }

    /// <summary>Whether <see cref="WrongElements"/> is an estimate from localisation rather than a count.</summary>
    public bool IsEstimate { get; internal set; }

    /// <summary>The worst checked elements, worst first.</summary>
    public IReadOnlyList<ElementCheck> WorstElements { get; internal set; } = [];

    /// <summary>The likely bug, when the evidence supports one (sign, constant factor, transpose, zero, some rows or columns).</summary>
    public string? Diagnosis { get; internal set; }

    /// <summary>A text heatmap of the relative error over the input (rows × columns bands), when it failed.</summary>
    public string? Heatmap { get; internal set; }

    /// <summary>The Taylor-remainder test that confirmed a failure, when one was run.</summary>
    public TaylorResult? Confirmation { get; internal set; }

    internal TensorShape ShapeInfo { get; }
}
