using System.Runtime.CompilerServices;
using MathNet.Numerics.LinearAlgebra;

namespace GradCheck;

/// <summary>
/// A forward pass, its backward pass and the inputs they read. The passes are closures over the inputs: the checker
/// perturbs the inputs in place, calls them, and restores every input bit for bit afterwards. Immutable: each
/// <c>With…</c> method returns a new <see cref="Differentiable"/> with one more input.
/// </summary>
/// <example>
/// <code>
/// var differentiable = Differentiable.Of(
///         forward: () => x * w,
///         backward: dout => (dout * w.Transpose(), x.Transpose() * dout))   // one gradient per differentiated input, in order
///     .WithInput(x)
///     .WithInput(w);
/// GradientCheck.Assert(differentiable);
/// </code>
/// </example>
public sealed class Differentiable
{
    private readonly CheckInput[] inputs;

    private Differentiable(Func<ProjectedObjective> createObjective, CheckInput[] inputs)
    {
        CreateObjective = createObjective;
        this.inputs = inputs;
    }

    /// <summary>The inputs, in the order their gradients come back from the backward pass.</summary>
    public IReadOnlyList<CheckInput> Inputs => inputs;

    /// <summary>A fresh objective over the user's passes for each check (it holds the check's upstream gradient).</summary>
    internal Func<ProjectedObjective> CreateObjective { get; }

    /// <summary>A function whose forward pass returns a matrix.</summary>
    /// <param name="forward">Computes the output from the inputs it captures.</param>
    /// <param name="backward">
    /// Takes the upstream gradient (shaped like the output) and returns the gradient of every differentiated input, in
    /// order: a single <see cref="Matrix{T}"/> or <see cref="Vector{T}"/>, a tuple, or an array of them.
    /// </param>
    public static Differentiable Of(Func<Matrix<double>> forward, Func<Matrix<double>, object?> backward) =>
        Create(forward, backward);

    /// <summary>A function whose forward pass returns a vector.</summary>
    /// <inheritdoc cref="Of(Func{Matrix{double}}, Func{Matrix{double}, object?})" path="/param"/>
    public static Differentiable Of(Func<Vector<double>> forward, Func<Vector<double>, object?> backward) =>
        Create(forward, backward);

    /// <summary>A function whose forward pass returns a scalar, such as a loss.</summary>
    /// <param name="forward">Computes the scalar from the inputs it captures.</param>
    /// <param name="backward">Takes the upstream gradient (1 for a plain loss) and returns the inputs' gradients.</param>
    public static Differentiable Of(Func<double> forward, Func<double, object?> backward) => Create(forward, backward);

    /// <summary>A float32 function whose forward pass returns a matrix: it is checked in float32, with float32's steps and rounding.</summary>
    /// <inheritdoc cref="Of(Func{Matrix{double}}, Func{Matrix{double}, object?})" path="/param"/>
    public static Differentiable Of(Func<Matrix<float>> forward, Func<Matrix<float>, object?> backward) => Create(forward, backward);

    /// <summary>A float32 function whose forward pass returns a vector.</summary>
    /// <inheritdoc cref="Of(Func{Matrix{double}}, Func{Matrix{double}, object?})" path="/param"/>
    public static Differentiable Of(Func<Vector<float>> forward, Func<Vector<float>, object?> backward) => Create(forward, backward);

    /// <summary>A float32 function whose forward pass returns a scalar.</summary>
    /// <inheritdoc cref="Of(Func{double}, Func{double, object?})" path="/param"/>
    public static Differentiable Of(Func<float> forward, Func<float, object?> backward) => Create(forward, backward);

    /// <summary>
    /// A function with two outputs, such as an LSTM step's (h, c): checked as ⟨u₁, f₁(x)⟩ + ⟨u₂, f₂(x)⟩, with one upstream
    /// gradient per output passed to the backward pass in order. Each output is a matrix, a vector or a scalar, of
    /// doubles or float32.
    /// </summary>
    /// <param name="forward">Returns the outputs as a tuple.</param>
    /// <param name="backward">Takes one upstream gradient per output, in order, and returns the inputs' gradients.</param>
    public static Differentiable Of<T1, T2>(Func<(T1, T2)> forward, Func<T1, T2, object?> backward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        return new Differentiable(() => new ProjectedObjective(() => forward(), ups => backward((T1)ups[0]!, (T2)ups[1]!)), []);
    }

    /// <summary>A function with three outputs, checked as the sum of their projections.</summary>
    /// <inheritdoc cref="Of{T1, T2}(Func{ValueTuple{T1, T2}}, Func{T1, T2, object?})" path="/param"/>
    public static Differentiable Of<T1, T2, T3>(Func<(T1, T2, T3)> forward, Func<T1, T2, T3, object?> backward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        return new Differentiable(() => new ProjectedObjective(() => forward(), ups => backward((T1)ups[0]!, (T2)ups[1]!, (T3)ups[2]!)), []);
    }

    /// <summary>
    /// A function with several outputs returned as a tuple or an array, some of them perhaps not differentiated
    /// (<see cref="Output.Constant"/>: an accuracy beside a loss, attention weights returned for inspection). The backward
    /// pass reads the upstream gradient of each differentiated output from an <see cref="Upstream"/> by position.
    /// </summary>
    /// <param name="forward">Returns the outputs as a tuple or an array.</param>
    /// <param name="backward">Reads the upstream gradients and returns the inputs' gradients.</param>
    public static Differentiable Of(Func<object> forward, Func<Upstream, object?> backward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        return new Differentiable(() => new ProjectedObjective(forward, ups => backward(new Upstream(ups))), []);
    }

    /// <summary>This function with one more differentiated matrix input; its name defaults to the argument's expression.</summary>
    public Differentiable WithInput(Matrix<double> value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        WithInput(new CheckInput(name ?? DefaultName, value));

    /// <summary>This function with one more differentiated vector input; its name defaults to the argument's expression.</summary>
    public Differentiable WithInput(Vector<double> value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        WithInput(new CheckInput(name ?? DefaultName, value));

    /// <summary>This function with one more differentiated float32 matrix input; its name defaults to the argument's expression.</summary>
    public Differentiable WithInput(Matrix<float> value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        WithInput(new CheckInput(name ?? DefaultName, value));

    /// <summary>This function with one more differentiated float32 vector input; its name defaults to the argument's expression.</summary>
    public Differentiable WithInput(Vector<float> value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        WithInput(new CheckInput(name ?? DefaultName, value));

    /// <summary>This function with one more differentiated scalar input; its gradient comes back as a <see cref="double"/>.</summary>
    public Differentiable WithInput(Scalar value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        WithInput(new CheckInput(name ?? DefaultName, value));

    /// <summary>This function with one more input, differentiated or not, built by a <see cref="CheckInput"/> constructor.</summary>
    public Differentiable WithInput(CheckInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new Differentiable(CreateObjective, [.. inputs, input]);
    }

    /// <summary>This function with one more matrix input that is not differentiated (labels, masks): it gets no gradient, but is guarded.</summary>
    public Differentiable WithConstant(Matrix<double> value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        WithInput(new CheckInput(name ?? DefaultName, value, isDifferentiated: false));

    /// <summary>This function with one more vector input that is not differentiated (labels, masks): it gets no gradient, but is guarded.</summary>
    public Differentiable WithConstant(Vector<double> value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        WithInput(new CheckInput(name ?? DefaultName, value, isDifferentiated: false));

    /// <summary>This function with one more float32 matrix input that is not differentiated.</summary>
    public Differentiable WithConstant(Matrix<float> value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        WithInput(new CheckInput(name ?? DefaultName, value, isDifferentiated: false));

    /// <summary>This function with one more float32 vector input that is not differentiated.</summary>
    public Differentiable WithConstant(Vector<float> value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        WithInput(new CheckInput(name ?? DefaultName, value, isDifferentiated: false));

    private string DefaultName => $"input{inputs.Length}";

    /// <summary>
    /// A function whose forward pass returns a matrix of <typeparamref name="T"/>, for layers generic in their element type
    /// (see <see cref="IDifferentiableFactory"/>).
    /// </summary>
    /// <typeparam name="T">float or double.</typeparam>
    /// <inheritdoc cref="Of(Func{Matrix{double}}, Func{Matrix{double}, object?})" path="/param"/>
    public static Differentiable Of<T>(Func<Matrix<T>> forward, Func<Matrix<T>, object?> backward)
        where T : struct, IEquatable<T>, IFormattable => Create(forward, backward);

    /// <summary>A function whose forward pass returns a vector of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">float or double.</typeparam>
    /// <inheritdoc cref="Of(Func{Matrix{double}}, Func{Matrix{double}, object?})" path="/param"/>
    public static Differentiable Of<T>(Func<Vector<T>> forward, Func<Vector<T>, object?> backward)
        where T : struct, IEquatable<T>, IFormattable => Create(forward, backward);

    /// <summary>A function whose forward pass returns a scalar of <typeparamref name="T"/> (a loss).</summary>
    /// <typeparam name="T">float or double.</typeparam>
    /// <inheritdoc cref="Of(Func{double}, Func{double, object?})" path="/param"/>
    public static Differentiable Of<T>(Func<T> forward, Func<T, object?> backward)
        where T : struct, System.Numerics.IFloatingPointIeee754<T> => Create(forward, backward);

    /// <summary>This function with one more differentiated input of <typeparamref name="T"/> (float or double).</summary>
    /// <typeparam name="T">float or double.</typeparam>
    public Differentiable WithInput<T>(Matrix<T> value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : struct, IEquatable<T>, IFormattable => WithInput(CheckInput.OfGeneric(value, name, differentiated: true));

    /// <summary>This function with one more differentiated vector input of <typeparamref name="T"/> (float or double).</summary>
    /// <typeparam name="T">float or double.</typeparam>
    public Differentiable WithInput<T>(Vector<T> value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : struct, IEquatable<T>, IFormattable => WithInput(CheckInput.OfGeneric(value, name, differentiated: true));

    /// <summary>This function with one more constant matrix input of <typeparamref name="T"/> (float or double).</summary>
    /// <typeparam name="T">float or double.</typeparam>
    public Differentiable WithConstant<T>(Matrix<T> value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : struct, IEquatable<T>, IFormattable => WithInput(CheckInput.OfGeneric(value, name, differentiated: false));

    /// <summary>This function with one more constant vector input of <typeparamref name="T"/> (float or double).</summary>
    /// <typeparam name="T">float or double.</typeparam>
    public Differentiable WithConstant<T>(Vector<T> value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : struct, IEquatable<T>, IFormattable => WithInput(CheckInput.OfGeneric(value, name, differentiated: false));

    /// <summary>
    /// The backward pass of a layer as a function in its own right, to check a double-backward pass (a second-order check,
    /// PyTorch's gradgradcheck): its outputs are the gradients <paramref name="backward"/> returns for the upstream gradient
    /// <paramref name="upstream"/>, its first input is <paramref name="upstream"/> itself (differentiated: the backward is
    /// linear in it), and the layer's inputs follow, added with <see cref="WithInput(Matrix{double}, string?)"/>.
    /// <paramref name="doubleBackward"/> takes one upstream gradient per gradient the backward returns (shaped like it) and
    /// returns the gradients of ⟨w, backward(u)⟩ with respect to u and then each input, in order.
    /// </summary>
    /// <param name="backward">The layer's backward pass: the upstream gradient in, the inputs' gradients out.</param>
    /// <param name="upstream">The upstream gradient to evaluate it at (shaped like the layer's output).</param>
    /// <param name="doubleBackward">The double-backward pass to check.</param>
    /// <param name="upstreamName">The upstream gradient's name in reports; defaults to the argument's expression.</param>
    public static Differentiable OfBackward(Func<Matrix<double>, object> backward, Matrix<double> upstream, Func<Upstream, object?> doubleBackward,
        [CallerArgumentExpression(nameof(upstream))] string? upstreamName = null)
    {
        ArgumentNullException.ThrowIfNull(backward);
        ArgumentNullException.ThrowIfNull(upstream);
        return Of(() => backward(upstream), doubleBackward).WithInput(upstream, upstreamName);
    }

    /// <summary>The backward pass of a layer whose output is a vector, as a function to check a double-backward pass.</summary>
    /// <inheritdoc cref="OfBackward(Func{Matrix{double}, object}, Matrix{double}, Func{Upstream, object?}, string?)" path="/param"/>
    public static Differentiable OfBackward(Func<Vector<double>, object> backward, Vector<double> upstream, Func<Upstream, object?> doubleBackward,
        [CallerArgumentExpression(nameof(upstream))] string? upstreamName = null)
    {
        ArgumentNullException.ThrowIfNull(backward);
        ArgumentNullException.ThrowIfNull(upstream);
        return Of(() => backward(upstream), doubleBackward).WithInput(upstream, upstreamName);
    }

    private static Differentiable Create<TOut>(Func<TOut> forward, Func<TOut, object?> backward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        return new Differentiable(() => new ProjectedObjective(() => forward(), ups => backward((TOut)ups[0]!)), []);
    }
}
