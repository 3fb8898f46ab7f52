using MathNet.Numerics.LinearAlgebra;

namespace GradCheck;

/// <summary>
/// The upstream gradients a backward pass receives for a forward pass with several outputs: one per differentiated
/// output, each shaped and typed like its output, looked up by the output's position in what the forward returned.
/// </summary>
public sealed class Upstream
{
    private readonly object?[] byPosition;

    internal Upstream(object?[] byPosition) => this.byPosition = byPosition;

    /// <summary>How many outputs the forward pass returned (constant ones included).</summary>
    public int OutputCount => byPosition.Length;

    /// <summary>The upstream gradient of output <paramref name="position"/> (0-based) as the type it has.</summary>
    public object this[int position] => byPosition[Check(position)]
        ?? throw new InvalidOperationException($"Output {position} is constant (Output.Constant): it has no upstream gradient.");

    /// <summary>The upstream gradient of a <see cref="Matrix{T}"/> output of doubles.</summary>
    public Matrix<double> Matrix(int position) => As<Matrix<double>>(position);

    /// <summary>The upstream gradient of a <see cref="Vector{T}"/> output of doubles.</summary>
    public Vector<double> Vector(int position) => As<Vector<double>>(position);

    /// <summary>The upstream gradient of a scalar (double) output.</summary>
    public double Scalar(int position) => As<double>(position);

    /// <summary>The upstream gradient of a float32 scalar output.</summary>
    public float SingleScalar(int position) => As<float>(position);

    /// <summary>The upstream gradient of a float32 matrix output.</summary>
    public Matrix<float> SingleMatrix(int position) => As<Matrix<float>>(position);

    /// <summary>The upstream gradient of a float32 vector output.</summary>
    public Vector<float> SingleVector(int position) => As<Vector<float>>(position);

    private T As<T>(int position) => this[position] is T value ? value
        : throw new InvalidOperationException(
            $"Output {position} is a {Describe(this[position].GetType())}, not a {Describe(typeof(T))}: read it with {Accessor(this[position])}({position}).");

    private static string Describe(Type type)
    {
        var element = type.IsGenericType ? type.GetGenericArguments()[0] : type;
        var name = element == typeof(float) ? "float" : "double";
        return typeof(Matrix<double>).IsAssignableFrom(type) || typeof(Matrix<float>).IsAssignableFrom(type) ? $"Matrix<{name}>"
            : typeof(Vector<double>).IsAssignableFrom(type) || typeof(Vector<float>).IsAssignableFrom(type) ? $"Vector<{name}>"
            : name;
    }

    private static string Accessor(object value) => value switch
    {
        Matrix<double> => nameof(Matrix),
        Vector<double> => nameof(Vector),
        Matrix<float> => nameof(SingleMatrix),
        Vector<float> => nameof(SingleVector),
        float => nameof(SingleScalar),
        _ => nameof(Scalar),
    };

    private int Check(int position) => position >= 0 && position < byPosition.Length ? position
        : throw new ArgumentOutOfRangeException(nameof(position), position,
            $"The forward pass returned {byPosition.Length} outputs (positions 0 to {byPosition.Length - 1}).");
}
