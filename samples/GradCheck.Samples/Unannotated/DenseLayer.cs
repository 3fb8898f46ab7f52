namespace GradCheck.Samples.Unannotated;

/// <summary>
/// A fully connected layer written as in public C# neural-network repositories: no [Shape] anywhere, sizes from the
/// constructor's ints, weights allocated with Build.Random, a helper, a reused local. The shape analyzer still checks it:
/// the weights keep the shape the constructor gives them, the input's sizes are fixed by its uses, and the helper's
/// signature is inferred from its body. The test project plants a bug here (the weight gradient transposed) and checks
/// that the analyzer reports it; this correct version builds without a warning.
/// </summary>
public sealed class DenseLayer
{
    private readonly int inputSize;
    private readonly int outputSize;
    private Matrix<double> weights;
    private Vector<double> biases;

    /// <summary>Creates the layer with random weights scaled for ReLU (He initialisation) and zero biases.</summary>
    /// <param name="inputSize">Features per input row.</param>
    /// <param name="outputSize">Features per output row.</param>
    public DenseLayer(int inputSize, int outputSize)
    {
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        weights = Matrix<double>.Build.Random(inputSize, outputSize, 42) * Math.Sqrt(2.0 / inputSize);
        biases = Vector<double>.Build.Dense(outputSize);
    }

    /// <summary>Features per input row.</summary>
    public int InputSize => inputSize;

    /// <summary>Features per output row.</summary>
    public int OutputSize => outputSize;

    /// <summary>y = x·W + b for a batch of rows.</summary>
    /// <param name="input">One row per sample.</param>
    public Matrix<double> Forward(Matrix<double> input)
    {
        var output = input * weights;
        output = AddToEveryRow(output, biases);
        return output;
    }

    /// <summary>One gradient-descent step; returns the gradient with respect to the input.</summary>
    /// <param name="input">The batch the forward pass saw.</param>
    /// <param name="outputGradient">∂L/∂y, one row per sample.</param>
    /// <param name="learningRate">The step size.</param>
    public Matrix<double> Backward(Matrix<double> input, Matrix<double> outputGradient, double learningRate)
    {
        var weightGradient = input.TransposeThisAndMultiply(outputGradient);
        var biasGradient = outputGradient.ColumnSums() / outputGradient.RowCount;
        var inputGradient = outputGradient.TransposeAndMultiply(weights);
        weights -= learningRate * weightGradient;
        biases -= learningRate * biasGradient;
        return inputGradient;
    }

    private static Matrix<double> AddToEveryRow(Matrix<double> m, Vector<double> row) =>
        m + Vector<double>.Build.Dense(m.RowCount, 1.0).OuterProduct(row);
}
