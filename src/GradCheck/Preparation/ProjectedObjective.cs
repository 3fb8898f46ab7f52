using MathNet.Numerics.Distributions;

namespace GradCheck;

/// <summary>
/// A forward pass seen as the scalar objective φ(x) = Σₖ ⟨uₖ, Fₖ(x)⟩ for fixed upstream gradients uₖ, one per
/// differentiated output, and the backward pass that gives its gradient, the vector–Jacobian product. Checking φ
/// checks the whole Jacobian against u. Outputs are doubles or float32 (their values read exactly as doubles; their
/// upstream gradients rounded to float32 first, so that φ and the backward pass see the same u).
/// </summary>
internal sealed class ProjectedObjective(Func<object?> forward, Func<object?[], object?> backward)
{
    private OutputPart[]? parts;
    private double[][] upstream = [];

    /// <summary>The outputs the first evaluation returned (null before it); every later one must return the same.</summary>
    public IReadOnlyList<OutputPart>? Parts => parts;

    /// <summary>The output's shape when there is one tensor output; null for a scalar output or several outputs.</summary>
    public TensorShape? OutputShape => parts is [{ Shape.IsScalar: false } only] ? only.Shape : null;

    /// <summary>
    /// The shape of the one differentiated output whose blocks (rows or columns) a full check may read apart; null for a
    /// scalar output or several differentiated outputs.
    /// </summary>
    public TensorShape? BlockOutputShape => parts?.Where(p => p.IsDifferentiated).ToList() is [{ Shape.IsScalar: false } only] ? only.Shape : null;

    /// <summary>The rows and columns of every output: sizes a constant factor in a wrong gradient may come from.</summary>
    public IEnumerable<int> OutputSizes => parts?.SelectMany(p => new[] { p.Shape.Rows, p.Shape.Columns }) ?? [];

    /// <summary>The spacing at 1 of the objective's rounding: float32's where any differentiated output is float32.</summary>
    public double OutputEpsilon => parts?.Any(p => p.IsDifferentiated && p.Precision == ElementPrecision.Single) == true
        ? FloatingPoint.SingleEpsilon
        : FloatingPoint.DoubleEpsilon;

    /// <summary>Runs the forward pass and returns a copy of its differentiated outputs' elements, in order (column-major).</summary>
    public double[] EvaluateOutput()
    {
        var values = Read(forward());
        var count = 0;
        for (var k = 0; k < values.Length; k++)
            if (parts![k].IsDifferentiated) count += parts[k].Shape.Count;
        var copy = new double[count];
        var next = 0;
        for (var k = 0; k < values.Length; k++)
        {
            if (!parts![k].IsDifferentiated) continue;
            for (var i = 0; i < parts[k].Shape.Count; i++) copy[next++] = OutputPart.At(values[k]!, i);
        }

        return copy;
    }

    /// <summary>Where the <paramref name="index"/>-th element of <see cref="EvaluateOutput"/> is.</summary>
    public string ElementLabel(int index)
    {
        var differentiated = parts!.Where(p => p.IsDifferentiated).ToList();
        foreach (var part in differentiated)
        {
            if (index < part.Shape.Count) return part.ElementLabel(index, parts!.Length);
            index -= part.Shape.Count;
        }

        return $"[{index}]";
    }

    /// <summary>Fixes u: 1 for a scalar output, standard normal elements otherwise (in the output's precision).</summary>
    public void DrawUpstream(Random random)
    {
        upstream = new double[parts!.Length][];
        for (var k = 0; k < parts.Length; k++)
        {
            var part = parts[k];
            upstream[k] = new double[part.IsDifferentiated ? part.Shape.Count : 0];
            if (!part.IsDifferentiated) continue;
            if (parts.Length == 1 && part.Shape.IsScalar) { upstream[k][0] = 1.0; continue; }
            for (var i = 0; i < upstream[k].Length; i++)
            {
                var u = Normal.Sample(random, 0.0, 1.0);
                upstream[k][i] = part.Precision == ElementPrecision.Single ? (float)u : u;
            }
        }
    }

    /// <summary>Σ|uᵢ|: how much φ can move when every output element moves by at most 1.</summary>
    public double UpstreamNorm1 => upstream.Sum(u => u.Sum(Math.Abs));

    /// <summary>φ(x) = Σₖ ⟨uₖ, Fₖ(x)⟩, and Σ|uᵢ·Fᵢ(x)|, the scale of its rounding error.</summary>
    public double Project(out double magnitude)
    {
        var values = Read(forward());
        double sum = 0, absolute = 0;
        for (var k = 0; k < values.Length; k++)
        {
            var part = parts![k];
            if (!part.IsDifferentiated) continue;
            var u = upstream[k];
            var value = values[k]!;
            switch (value)
            {
                // The common case without a call per element.
                case MathNet.Numerics.LinearAlgebra.Matrix<double> { Storage.IsDense: true } m:
                    Accumulate(m.AsColumnMajorArray(), u, k, ref sum, ref absolute);
                    break;
                case MathNet.Numerics.LinearAlgebra.Vector<double> { Storage.IsDense: true } v:
                    Accumulate(v.AsArray(), u, k, ref sum, ref absolute);
                    break;
                default:
                    for (var i = 0; i < u.Length; i++) Add(OutputPart.At(value, i), u[i], k, i, ref sum, ref absolute);
                    break;
            }
        }

        RequireSummable(absolute);
        magnitude = absolute;
        return sum;
    }

    /// <summary>
    /// φ and Σ|uᵢFᵢ| from outputs that <see cref="EvaluateOutput"/> returned, summed in <see cref="Project"/>'s order: the
    /// numbers a deterministic forward pass would give again, bit for bit, without running it again.
    /// </summary>
    public double ProjectOutput(double[] output, out double magnitude)
    {
        double sum = 0, absolute = 0;
        var offset = 0;
        for (var k = 0; k < parts!.Length; k++)
        {
            if (!parts[k].IsDifferentiated) continue;
            Accumulate(output.AsSpan(offset, upstream[k].Length), upstream[k], k, ref sum, ref absolute);
            offset += upstream[k].Length;
        }

        RequireSummable(absolute);
        magnitude = absolute;
        return sum;
    }

    private static void RequireSummable(double absolute)
    {
        if (!double.IsFinite(absolute))
            throw new CheckFaultException(new CheckFault(FaultKind.OutputTooLarge,
                "The forward pass's outputs are finite but too large for the check to sum: ⟨u, F(x)⟩ overflows. Scale the outputs " +
                "down (by a power of two, which keeps every digit) to check this gradient."));
    }

    /// <summary>
    /// φ(x) as <see cref="Project"/> gives it, and besides its terms summed per block of <paramref name="layout"/> into
    /// <paramref name="blockSums"/> (φ_b = Σ over the block's output elements of uᵢFᵢ). Only for <see cref="BlockOutputShape"/>.
    /// </summary>
    public double ProjectBlocks(BlockLayout layout, double[] blockSums, out double magnitude)
    {
        var values = Read(forward());
        Array.Clear(blockSums);
        double sum = 0, absolute = 0;
        for (var k = 0; k < values.Length; k++)
        {
            if (!parts![k].IsDifferentiated) continue;
            var (u, value) = (upstream[k], values[k]!);
            var dense = value is MathNet.Numerics.LinearAlgebra.Matrix<double> { Storage.IsDense: true } m ? m.AsColumnMajorArray() : null;
            for (var i = 0; i < u.Length; i++)
                blockSums[layout.OutputBlock(i)] += Add(dense?[i] ?? OutputPart.At(value, i), u[i], k, i, ref sum, ref absolute);
        }

        RequireSummable(absolute);
        magnitude = absolute;
        return sum;
    }

    /// <summary>Runs the backward pass with u (one upstream gradient per differentiated output) and returns what it returned.</summary>
    public object? Backward()
    {
        // Fresh copies: a backward pass that scribbles on its upstream gradient must not change ours.
        var ups = new object?[parts!.Length];
        for (var k = 0; k < parts.Length; k++) ups[k] = parts[k].IsDifferentiated ? parts[k].UpstreamValue(upstream[k]) : null;
        return backward(ups);
    }

    private void Accumulate(ReadOnlySpan<double> dense, double[] u, int part, ref double sum, ref double absolute)
    {
        for (var i = 0; i < u.Length; i++) Add(dense[i], u[i], part, i, ref sum, ref absolute);
    }

    private double Add(double value, double u, int part, int index, ref double sum, ref double absolute)
    {
        if (!double.IsFinite(value))
            throw new CheckFaultException(new CheckFault(FaultKind.NonFiniteOutput,
                $"The forward pass produced {value} at output element {parts![part].ElementLabel(index, parts.Length)}. " +
                "Keep inputs inside the function's domain (for example positive arguments of log or sqrt)."));
        var term = u * value;
        sum += term;
        absolute += Math.Abs(term);
        return term;
    }

    /// <summary>The outputs of one evaluation, checked against the layout of the first.</summary>
    private object?[] Read(object? output)
    {
        var values = OutputPart.Split(output);
        if (parts is null)
        {
            var read = new OutputPart[values.Length];
            for (var k = 0; k < values.Length; k++)
                read[k] = OutputPart.Of(k, values[k]) ?? throw new CheckFaultException(new CheckFault(FaultKind.InvalidArgument,
                    $"The forward pass returned {Describe(values[k])}{(values.Length == 1 ? "" : $" as output {k}")}; expected a Matrix<double>, " +
                    "a Vector<double> or a double (or their float32 forms), or several of them as a tuple or an array."));
            parts = read;
            return values;
        }

        if (values.Length != parts.Length)
            throw Changed($"{values.Length} outputs after returning {parts.Length}");
        for (var k = 0; k < parts.Length; k++)
        {
            var now = OutputPart.Of(k, values[k]);
            if (now == parts[k]) continue;
            var (before, which) = (parts[k], parts.Length == 1 ? "" : $" as output {k}");
            var sameKind = now is not null && now.Precision == before.Precision && now.Shape.Kind == before.Shape.Kind;
            throw Changed(now is null ? $"{Describe(values[k])}{which} after returning a {before.Description}"
                : sameKind ? $"a {now.Shape} output{which} after returning {before.Shape}"
                : $"a {now.Description}{which} after returning a {before.Description}");
        }

        return values;
    }

    private static string Describe(object? value) => value is null ? "null" : $"a {value.GetType().Name}";

    private static CheckFaultException Changed(string what) => new(new CheckFault(FaultKind.OutputShapeChanged,
        $"The forward pass returned {what}. Its outputs must not depend on the input values."));
}
