using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace GradCheck;

/// <summary>
/// A forward pass, its backward pass and the inputs they read. The passes are closures over the inputs: the checker
/// perturbs the inputs in place, calls them, and restores every input bit for bit afterwards.
/// </summary>
/// <example>
/// <code>
/// var layer = Differentiable.Of(
///         forward: () => x * w,
///         backward: dout => (dout * w.Transpose(), x.Transpose() * dout))   // one gradient per differentiated input, in order
///     .WithInput(x)
///     .WithInput(w);
/// GradientCheck.Assert(layer);
/// </code>
/// </example>
public sealed class Differentiable
{
    private readonly List<CheckInput> inputs = [];

    private Differentiable(Func<LayerFunction> createFunction) => CreateFunction = createFunction;

    /// <summary>The inputs, in the order their gradients come back from the backward pass.</summary>
    public IReadOnlyList<CheckInput> Inputs => inputs;

    internal Func<LayerFunction> CreateFunction { get; }

    /// <summary>A layer whose forward pass returns a matrix.</summary>
    /// <param name="forward">Computes the output from the inputs it captures.</param>
    /// <param name="backward">
    /// Takes the upstream gradient (shaped like the output) and returns the gradient of every differentiated input, in
    /// order: a single <see cref="Matrix{T}"/> or <see cref="Vector{T}"/>, a tuple, or an array of them.
    /// </param>
    public static Differentiable Of(Func<Matrix<double>> forward, Func<Matrix<double>, object?> backward) =>
        Create(forward, backward);

    /// <summary>A layer whose forward pass returns a vector.</summary>
    /// <inheritdoc cref="Of(Func{Matrix{double}}, Func{Matrix{double}, object?})" path="/param"/>
    public static Differentiable Of(Func<Vector<double>> forward, Func<Vector<double>, object?> backward) =>
        Create(forward, backward);

    /// <summary>A layer whose forward pass returns a scalar, such as a loss.</summary>
    /// <param name="forward">Computes the scalar from the inputs it captures.</param>
    /// <param name="backward">Takes the upstream gradient (1 for a plain loss) and returns the inputs' gradients.</param>
    public static Differentiable Of(Func<double> forward, Func<double, object?> backward) => Create(forward, backward);

    /// <summary>Adds a differentiated matrix input; its name defaults to the argument's expression.</summary>
    public Differentiable WithInput(Matrix<double> value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        Add(CheckInput.Of(name ?? $"input{inputs.Count}", value));

    /// <summary>Adds a differentiated vector input; its name defaults to the argument's expression.</summary>
    public Differentiable WithInput(Vector<double> value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        Add(CheckInput.Of(name ?? $"input{inputs.Count}", value));

    /// <summary>Adds a differentiated scalar input; its gradient comes back as a <see cref="double"/>.</summary>
    public Differentiable WithInput(Scalar value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        Add(CheckInput.Of(name ?? $"input{inputs.Count}", value));

    /// <summary>Adds a matrix input that is not differentiated (labels, masks): it gets no gradient, but is guarded.</summary>
    public Differentiable WithConstant(Matrix<double> value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        Add(CheckInput.Of(name ?? $"input{inputs.Count}", value, isDifferentiated: false));

    /// <summary>Adds a vector input that is not differentiated (labels, masks): it gets no gradient, but is guarded.</summary>
    public Differentiable WithConstant(Vector<double> value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        Add(CheckInput.Of(name ?? $"input{inputs.Count}", value, isDifferentiated: false));

    /// <summary>Adds an input built by <see cref="CheckInput.Of(string, Matrix{double}, bool)"/> or its vector overload.</summary>
    public Differentiable With(CheckInput input) => Add(input ?? throw new ArgumentNullException(nameof(input)));

    private Differentiable Add(CheckInput input)
    {
        inputs.Add(input);
        return this;
    }

    private static Differentiable Create<TOut>(Func<TOut> forward, Func<TOut, object?> backward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        return new Differentiable(() => new LayerFunction<TOut>(forward, backward));
    }
}
