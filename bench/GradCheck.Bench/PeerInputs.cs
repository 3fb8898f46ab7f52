using System.Runtime.InteropServices;
using System.Text.Json;

namespace GradCheck.Bench;

/// <summary>
/// Writes the bench's inputs for the PyTorch peer (bench/peer/gradcheck_peer.py), so that both sides check the same values:
/// manifest.json names each tensor's shape and file of row-major little-endian float64 values. With the inputs go this side's
/// forward values and gradients, which the peer reproduces before it times anything.
/// </summary>
public static class PeerInputs
{
    public static void Write(string folder, Scenarios scenarios, LargeScenario large)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The peer reads little-endian doubles.");
        Directory.CreateDirectory(folder);
        var tensors = new Dictionary<string, object>();
        void Add(string name, double[] rowMajor, params int[] shape)
        {
            var file = name + ".f64";
            File.WriteAllBytes(Path.Combine(folder, file), MemoryMarshal.AsBytes(rowMajor.AsSpan()).ToArray());
            tensors[name] = new { shape, file };
        }

        void AddMatrix(string name, Matrix<double> matrix) => Add(name, matrix.ToRowMajorArray(), matrix.RowCount, matrix.ColumnCount);
        void AddVector(string name, Vector<double> vector) => Add(name, vector.ToArray(), vector.Count);
        void AddScalar(string name, double value) => Add(name, [value]);

        // The network: its parameters and batch; the loss and the sample's hand-written gradients (upstream 1).
        var network = scenarios.Network;
        AddMatrix("network.W1", network.W1);
        AddVector("network.b1", network.B1);
        AddMatrix("network.W2", network.W2);
        AddVector("network.b2", network.B2);
        AddMatrix("network.x", scenarios.NetworkX);
        AddMatrix("network.y", scenarios.NetworkY);
        AddScalar("network.reference.output", network.Loss(scenarios.NetworkX, scenarios.NetworkY));
        var (dW1, dB1, dW2, dB2) = network.Backward(scenarios.NetworkX, scenarios.NetworkY);
        AddMatrix("network.reference.dW1", dW1);
        AddVector("network.reference.db1", dB1);
        AddMatrix("network.reference.dW2", dW2);
        AddVector("network.reference.db2", dB2);

        AddProduct("linear", scenarios.LinearX, scenarios.LinearW);
        AddProduct("large", large.X, large.W);

        AddMatrix("softmax.logits", scenarios.Logits);
        AddMatrix("softmax.labels", scenarios.Labels);
        AddScalar("softmax.reference.output", Softmax.CrossEntropyForward(scenarios.Logits, scenarios.Labels));
        AddMatrix("softmax.reference.dlogits", Softmax.CrossEntropyBackward(1.0, scenarios.Logits, scenarios.Labels));

        var manifest = new Dictionary<string, object>
        {
            ["tensors"] = tensors,
            ["input_names"] = new Dictionary<string, string[]>
            {
                ["network"] = ["W1", "b1", "W2", "b2"],
                ["linear"] = ["x", "W"],
                ["softmax"] = ["logits"],
                ["large"] = ["x", "W"],
            },
            ["large_wrong_element"] = new { row = LargeScenario.WrongRow, column = LargeScenario.WrongColumn, factor = LargeScenario.WrongFactor },
        };
        File.WriteAllText(Path.Combine(folder, "manifest.json"), JsonSerializer.Serialize(manifest));

        // y = x·W and its gradients for upstream y itself (the gradient of ½‖y‖²), as the linear sample's backward computes them.
        void AddProduct(string name, Matrix<double> x, Matrix<double> w)
        {
            AddMatrix(name + ".x", x);
            AddMatrix(name + ".W", w);
            var y = x * w;
            AddMatrix(name + ".reference.output", y);
            AddMatrix(name + ".reference.dx", y.TransposeAndMultiply(w));
            AddMatrix(name + ".reference.dW", x.TransposeThisAndMultiply(y));
        }
    }
}
