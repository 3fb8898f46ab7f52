using GradCheck.Tests.Fixtures;
using GradCheck.Tests.Precision;

namespace GradCheck.Tests.Engine;

/// <summary>
/// Forward passes with several outputs, checked as Σₖ⟨uₖ, fₖ(x)⟩: an LSTM step's (h, c), attention's output beside its
/// weights returned for inspection (not differentiated), a loss beside its accuracy.
/// </summary>
public class MultiOutputTests
{
    private static Differentiable Lstm(int seed, Func<(Matrix<double>, Matrix<double>, Matrix<double>, Matrix<double>, Matrix<double>, Vector<double>),
        (Matrix<double>, Matrix<double>, Matrix<double>, Matrix<double>, Matrix<double>, Vector<double>)>? plant = null)
    {
        var random = new Random(seed);
        int n = 3, d = 4, hidden = 2;
        var (x, h, c) = (Draw.Matrix(random, n, d), Draw.Matrix(random, n, hidden), Draw.Matrix(random, n, hidden));
        var (w, u, b) = (Draw.Matrix(random, d, 4 * hidden, 0.5), Draw.Matrix(random, hidden, 4 * hidden, 0.5), Draw.Vector(random, 4 * hidden));
        return Differentiable.Of(() => LstmCell.Forward(x, h, c, w, u, b), (dh, dc) =>
            {
                var gradients = LstmCell.Backward(dh, dc, x, h, c, w, u, b);
                return plant is null ? gradients : plant(gradients);
            })
            .WithInput(x).WithInput(h).WithInput(c).WithInput(w).WithInput(u).WithInput(b);
    }

    [Fact]
    public void A_correct_LSTM_cell_with_two_outputs_passes_on_every_draw()
    {
        for (var seed = 0; seed < 30; seed++)
            Assert.Equal(Verdict.Passed, GradientCheck.Run(Lstm(seed), new CheckOptions { Seed = seed }).Verdict);
    }

    [Fact]
    public void An_LSTM_cell_that_drops_the_hidden_state_s_share_of_the_cell_gradient_fails_on_the_previous_cell_state()
    {
        // The classic bug: dc_prev = dc_next ⊙ f, forgetting that h' = o ⊙ tanh(c') sends gradient into c' too.
        var random = new Random(99);
        int n = 2, d = 3, hidden = 2;
        var (x, h, c) = (Draw.Matrix(random, n, d), Draw.Matrix(random, n, hidden), Draw.Matrix(random, n, hidden));
        var (w, u, b) = (Draw.Matrix(random, d, 4 * hidden, 0.5), Draw.Matrix(random, hidden, 4 * hidden, 0.5), Draw.Vector(random, 4 * hidden));
        var layer = Differentiable.Of(() => LstmCell.Forward(x, h, c, w, u, b), (dh, dc) =>
            {
                var correct = LstmCell.Backward(dh, dc, x, h, c, w, u, b);
                var f = LstmCell.Forward(x, h, Matrix<double>.Build.Dense(n, hidden, 1.0), w, u, b).C
                        - LstmCell.Forward(x, h, Matrix<double>.Build.Dense(n, hidden), w, u, b).C;   // the forget gate
                return (correct.dx, correct.dh, dc.PointwiseMultiply(f), correct.dW, correct.dU, correct.db);
            })
            .WithInput(x).WithInput(h).WithInput(c).WithInput(w).WithInput(u).WithInput(b);
        var result = GradientCheck.Run(layer, new CheckOptions { Seed = 1 });
        Assert.Equal(Verdict.Failed, result.Verdict);
        Assert.Equal(["c"], result.Inputs.Where(i => i.Verdict == Verdict.Failed).Select(i => i.Name));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    public void A_one_percent_error_in_any_LSTM_gradient_is_caught(int planted)
    {
        static Matrix<double> Off(Matrix<double> g) => g * 1.01;
        var layer = Lstm(7, g => planted switch
        {
            0 => (Off(g.Item1), g.Item2, g.Item3, g.Item4, g.Item5, g.Item6),
            3 => (g.Item1, g.Item2, g.Item3, Off(g.Item4), g.Item5, g.Item6),
            _ => (g.Item1, g.Item2, g.Item3, g.Item4, g.Item5, g.Item6 * 1.01),
        });
        var result = GradientCheck.Run(layer, new CheckOptions { Seed = 2 });
        Assert.Equal(Verdict.Failed, result.Verdict);
        Assert.Equal(Verdict.Failed, result.Inputs[planted].Verdict);
        Assert.Single(result.Inputs, i => i.Verdict == Verdict.Failed);
    }

    private static Differentiable AttentionWithWeights(int seed, bool plantInWq)
    {
        var random = new Random(seed);
        var (x, wq, wk, wv) = (Draw.Matrix(random, 3, 4), Draw.Matrix(random, 4, 4, 0.5), Draw.Matrix(random, 4, 4, 0.5), Draw.Matrix(random, 4, 4, 0.5));
        return Differentiable.Of(() =>
            {
                var (output, weights) = Attention<double>.Forward(x, wq, wk, wv);
                return (output, Output.Constant(weights));
            },
            upstream =>
            {
                var g = Attention<double>.Backward(upstream.Matrix(0), x, wq, wk, wv);
                return (g.dx, plantInWq ? g.dWq.Transpose() : g.dWq, g.dWk, g.dWv);
            })
            .WithInput(x).WithInput(wq).WithInput(wk).WithInput(wv);
    }

    [Fact]
    public void Attention_returning_its_weights_as_a_constant_output_passes_and_a_transposed_query_gradient_fails_there()
    {
        for (var seed = 0; seed < 10; seed++)
            Assert.Equal(Verdict.Passed, GradientCheck.Run(AttentionWithWeights(seed, plantInWq: false), new CheckOptions { Seed = seed }).Verdict);
        var result = GradientCheck.Run(AttentionWithWeights(3, plantInWq: true), new CheckOptions { Seed = 3 });
        Assert.Equal(Verdict.Failed, result.Verdict);
        Assert.Equal(["wq"], result.Inputs.Where(i => i.Verdict == Verdict.Failed).Select(i => i.Name));
        Assert.Equal(DiagnosisKind.Transposed, result.Inputs[1].Diagnosis?.Kind);
    }

    [Fact]
    public void A_constant_output_gets_no_upstream_gradient_and_reading_one_names_it()
    {
        var z = Draw.Matrix(new Random(4), 3, 2);
        var layer = Differentiable.Of(() => (z.PointwiseMultiply(z).Enumerate().Sum(), Output.Constant(z.RowCount)),
            upstream => 2 * z * upstream.Scalar(0) + upstream.Matrix(1)).WithInput(z);
        var result = GradientCheck.Run(layer, new CheckOptions { Seed = 1 });
        Assert.Equal(Verdict.Invalid, result.Verdict);
        Assert.Equal(FaultKind.BackwardThrew, result.Fault!.Kind);
        Assert.Contains("Output 1 is constant (Output.Constant)", result.Fault.Message);
    }

    [Fact]
    public void Reading_an_upstream_gradient_as_the_wrong_type_or_position_names_the_output()
    {
        var z = Draw.Matrix(new Random(5), 2, 2);
        var asVector = GradientCheck.Run(Differentiable.Of(() => (z * 2, z * 3), upstream => upstream.Vector(0) * 2).WithInput(z),
            new CheckOptions { Seed = 1 });
        Assert.Contains("Output 0 is a Matrix<double>, not a Vector<double>: read it with Matrix(0)", asVector.Fault!.Message);
        var beyond = GradientCheck.Run(Differentiable.Of(() => (z * 2, z * 3), upstream => upstream.Matrix(2)).WithInput(z), new CheckOptions { Seed = 1 });
        Assert.Contains("returned 2 outputs (positions 0 to 1)", beyond.Fault!.Message);
    }

    [Fact]
    public void An_output_that_is_no_tensor_is_refused_naming_its_position()
    {
        var z = Draw.Matrix(new Random(6), 2, 2);
        var result = GradientCheck.Run(Differentiable.Of(() => (object)new object[] { z * 2, "text" }, upstream => upstream.Matrix(0) * 2).WithInput(z),
            new CheckOptions { Seed = 1 });
        Assert.Equal(Verdict.Invalid, result.Verdict);
        Assert.Contains("1", result.Fault!.Message);
        Assert.Contains("String", result.Fault.Message);
    }

    [Fact]
    public void A_loss_with_its_accuracy_beside_it_is_checked_on_the_loss_alone()
    {
        var random = new Random(8);
        var (z, labels) = (Draw.Matrix(random, 4, 3), Draw.OneHot(random, 4, 3));
        var layer = Differentiable.Of(() => (Softmax.CrossEntropyForward(z, labels), Output.Constant(0.75)),
            upstream => Softmax.CrossEntropyBackward(upstream.Scalar(0), z, labels)).WithInput(z).WithConstant(labels);
        Assert.Equal(Verdict.Passed, GradientCheck.Run(layer, new CheckOptions { Seed = 1 }).Verdict);
    }
}
