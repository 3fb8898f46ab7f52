namespace GradCheck.Analyzers.Tests.Layers;

/// <summary>
/// Layers written as in public C# neural-network repositories — sizes from constructor ints, weights allocated with
/// Build.Random, helpers, reused locals, fluent MathNet calls — each in two versions: with no annotation at all, and with
/// [Shape] on its fields and method signatures (the annotated version: /*F:…*/ marks a field's, /*A:…*/ a parameter's,
/// /*R:…*/ a return value's annotation).
/// </summary>
internal static class UnannotatedLayers
{
    public const string Dense = """
        public class DenseLayer
        {
            /*F:In,Out*/ private Matrix<double> weights;
            /*F:Out*/ private Vector<double> biases;
            private Matrix<double> lastInput = null!;
            private readonly int inputSize;
            private readonly int outputSize;

            public DenseLayer(int inputSize, int outputSize)
            {
                this.inputSize = inputSize;
                this.outputSize = outputSize;
                weights = Matrix<double>.Build.Random(inputSize, outputSize) * Math.Sqrt(2.0 / inputSize);
                biases = Vector<double>.Build.Dense(outputSize);
            }

            /*R:N,Out*/ public Matrix<double> Forward(/*A:N,In*/ Matrix<double> input)
            {
                lastInput = input;
                var output = input * weights;
                return AddBias(output, biases);
            }

            private static Matrix<double> AddBias(Matrix<double> m, Vector<double> b)
            {
                var ones = Vector<double>.Build.Dense(m.RowCount, 1.0);
                return m + ones.OuterProduct(b);
            }

            /*R:N,In*/ public Matrix<double> Backward(/*A:N,In*/ Matrix<double> input, /*A:N,Out*/ Matrix<double> outputGradient, double learningRate)
            {
                var weightGradient = input.Transpose() * outputGradient;
                var biasGradient = outputGradient.ColumnSums() / outputGradient.RowCount;
                var inputGradient = outputGradient * weights.Transpose();
                weights -= learningRate * weightGradient;
                biases -= learningRate * biasGradient;
                return inputGradient;
            }
        }
        """;

    public const string Rnn = """
        public class RnnCell
        {
            /*F:H,I*/ private readonly Matrix<double> wxh;
            /*F:H,H*/ private readonly Matrix<double> whh;
            /*F:H*/ private readonly Vector<double> bh;

            public RnnCell(int inputSize, int hiddenSize)
            {
                wxh = Matrix<double>.Build.Random(hiddenSize, inputSize) * 0.01;
                whh = Matrix<double>.Build.Random(hiddenSize, hiddenSize) * 0.01;
                bh = Vector<double>.Build.Dense(hiddenSize);
            }

            /*R:H*/ public Vector<double> Step(/*A:I*/ Vector<double> x, /*A:H*/ Vector<double> hPrev)
            {
                var a = wxh * x + whh * hPrev + bh;
                return a.Map(Math.Tanh);
            }

            public (Matrix<double> dWxh, Matrix<double> dWhh, Vector<double> dhPrev) Backward(
                /*A:I*/ Vector<double> x, /*A:H*/ Vector<double> hPrev, /*A:H*/ Vector<double> h, /*A:H*/ Vector<double> dh)
            {
                var da = dh.PointwiseMultiply(1 - h.PointwiseMultiply(h));
                var dWxh = da.OuterProduct(x);
                var dWhh = da.OuterProduct(hPrev);
                var dhPrev = whh.Transpose() * da;
                return (dWxh, dWhh, dhPrev);
            }
        }
        """;

    public const string Convolution = """
        public class Conv1D
        {
            /*F:K*/ private readonly Vector<double> kernel;
            private readonly int kernelSize;

            public Conv1D(int kernelSize)
            {
                this.kernelSize = kernelSize;
                kernel = Vector<double>.Build.Random(kernelSize);
            }

            /*R:L-K+1*/ public Vector<double> Forward(/*A:L*/ Vector<double> input)
            {
                int outputLength = input.Count - kernelSize + 1;
                var output = Vector<double>.Build.Dense(outputLength);
                for (int i = 0; i < outputLength; i++) output[i] = input.SubVector(i, kernelSize).DotProduct(kernel);
                return output;
            }

            /*R:L*/ public Vector<double> Backward(/*A:L*/ Vector<double> input, /*A:L-K+1*/ Vector<double> outputGradient)
            {
                var dKernel = Vector<double>.Build.Dense(kernelSize);
                var dInput = Vector<double>.Build.Dense(input.Count);
                for (int i = 0; i < outputGradient.Count; i++)
                {
                    dKernel += outputGradient[i] * input.SubVector(i, kernelSize);
                    var window = kernel * outputGradient[i];
                    dInput.SetSubVector(i, kernelSize, dInput.SubVector(i, kernelSize) + window);
                }

                return dInput;
            }
        }
        """;

    public const string Attention = """
        public class SelfAttention
        {
            /*F:M,K*/ private readonly Matrix<double> wq;
            /*F:M,K*/ private readonly Matrix<double> wk;
            /*F:M,K*/ private readonly Matrix<double> wv;
            private readonly int keySize;

            public SelfAttention(int modelSize, int keySize)
            {
                this.keySize = keySize;
                wq = Matrix<double>.Build.Random(modelSize, keySize);
                wk = Matrix<double>.Build.Random(modelSize, keySize);
                wv = Matrix<double>.Build.Random(modelSize, keySize);
            }

            private static Matrix<double> Softmax(Matrix<double> scores)
            {
                var e = scores.PointwiseExp();
                var sums = e.RowSums();
                return Matrix<double>.Build.Dense(e.RowCount, e.ColumnCount, (i, j) => e[i, j] / sums[i]);
            }

            /*R:T,K*/ public Matrix<double> Forward(/*A:T,M*/ Matrix<double> x)
            {
                var q = x * wq;
                var k = x * wk;
                var v = x * wv;
                var scores = q * k.Transpose() / Math.Sqrt(keySize);
                var weights = Softmax(scores);
                return weights * v;
            }
        }
        """;

    public const string Mlp = """
        public class TwoLayerNet
        {
            /*F:I,H*/ private Matrix<double> w1;
            /*F:H,O*/ private Matrix<double> w2;
            /*F:H*/ private Vector<double> b1;
            /*F:O*/ private Vector<double> b2;

            public TwoLayerNet(int inputs, int hidden, int outputs)
            {
                w1 = Matrix<double>.Build.Random(inputs, hidden);
                b1 = Vector<double>.Build.Dense(hidden);
                w2 = Matrix<double>.Build.Random(hidden, outputs);
                b2 = Vector<double>.Build.Dense(outputs);
            }

            private static Matrix<double> Linear(Matrix<double> x, Matrix<double> w, Vector<double> b) =>
                x * w + Vector<double>.Build.Dense(x.RowCount, 1.0).OuterProduct(b);

            private static Matrix<double> Relu(Matrix<double> z) => z.Map(v => Math.Max(v, 0.0));

            /*R:N,O*/ public Matrix<double> Forward(/*A:N,I*/ Matrix<double> x)
            {
                var h = Relu(Linear(x, w1, b1));
                return Linear(h, w2, b2);
            }

            public void Train(/*A:N,I*/ Matrix<double> x, /*A:N,O*/ Matrix<double> y, double rate)
            {
                var z1 = Linear(x, w1, b1);
                var h = Relu(z1);
                var output = Linear(h, w2, b2);
                var delta = output - y;
                var dW2 = h.TransposeThisAndMultiply(delta);
                var db2 = delta.ColumnSums();
                var dh = delta.TransposeAndMultiply(w2);
                var dz1 = dh.PointwiseMultiply(z1.Map(v => v > 0 ? 1.0 : 0.0));
                var dW1 = x.TransposeThisAndMultiply(dz1);
                var db1 = dz1.ColumnSums();
                w1 -= rate * dW1;
                b1 -= rate * db1;
                w2 -= rate * dW2;
                b2 -= rate * db2;
            }
        }
        """;

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["Dense"] = Dense,
        ["Rnn"] = Rnn,
        ["Convolution"] = Convolution,
        ["Attention"] = Attention,
        ["Mlp"] = Mlp,
    };

    /// <summary>The planted bugs: each one line of one layer, one at a time.</summary>
    public static IReadOnlyList<PlantedBug> Bugs { get; } =
    [
        new("Dense", "weight gradient transposed", "var weightGradient = input.Transpose() * outputGradient;",
            "var weightGradient = outputGradient.Transpose() * input;", true),
        new("Dense", "input gradient without transpose", "var inputGradient = outputGradient * weights.Transpose();",
            "var inputGradient = outputGradient * weights;", true),
        new("Dense", "bias gradient as row sums", "var biasGradient = outputGradient.ColumnSums() / outputGradient.RowCount;",
            "var biasGradient = outputGradient.RowSums() / outputGradient.RowCount;", false),
        new("Dense", "forward with transposed weights", "var output = input * weights;", "var output = input * weights.Transpose();", true),
        new("Rnn", "input weights transposed", "var a = wxh * x + whh * hPrev + bh;", "var a = wxh.Transpose() * x + whh * hPrev + bh;", true),
        new("Rnn", "outer product reversed", "var dWxh = da.OuterProduct(x);", "var dWxh = x.OuterProduct(da);", true),
        new("Rnn", "previous-state gradient through the input weights", "var dhPrev = whh.Transpose() * da;", "var dhPrev = wxh.Transpose() * da;", true),
        new("Convolution", "output length L-K", "int outputLength = input.Count - kernelSize + 1;", "int outputLength = input.Count - kernelSize;", false),
        new("Convolution", "kernel gradient one too long", "var dKernel = Vector<double>.Build.Dense(kernelSize);",
            "var dKernel = Vector<double>.Build.Dense(kernelSize + 1);", true),
        new("Convolution", "input gradient as long as the output", "var dInput = Vector<double>.Build.Dense(input.Count);",
            "var dInput = Vector<double>.Build.Dense(outputGradient.Count);", false),
        new("Attention", "query projection transposed", "var q = x * wq;", "var q = x * wq.Transpose();", true),
        new("Attention", "scores without transposing the keys", "var scores = q * k.Transpose() / Math.Sqrt(keySize);",
            "var scores = q * k / Math.Sqrt(keySize);", false),
        new("Mlp", "second layer given the first layer's weights", "var h = Relu(Linear(x, w1, b1));\n        return Linear(h, w2, b2);",
            "var h = Relu(Linear(x, w1, b1));\n        return Linear(h, w1, b1);", true),
        new("Mlp", "hidden gradient without transpose", "var dh = delta.TransposeAndMultiply(w2);", "var dh = delta.Multiply(w2);", true),
        new("Mlp", "first-layer weight gradient reversed", "var dW1 = x.TransposeThisAndMultiply(dz1);", "var dW1 = dz1.TransposeThisAndMultiply(x);", true),
        new("Mlp", "bias gradient as row sums", "var db1 = dz1.ColumnSums();", "var db1 = dz1.RowSums();", false),
    ];
}
