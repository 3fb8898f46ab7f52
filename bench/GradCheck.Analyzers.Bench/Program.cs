using System.Globalization;
using System.Text;

// Generates a project of hand-written-style gradient code (dense layers with annotated forward and backward
// passes, helpers, training loops) for measuring the GradCheck analyzer's share of build time.
// Usage: dotnet run -- <output directory> <analyzer dll> [layer count]
//        dotnet run -- --in-process <generated directory> [rounds]
if (args.Length >= 2 && args[0] == "--in-process")
{
    await InProcessMeasurement.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3);
    return 0;
}
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: GradCheck.Analyzers.Bench <output directory> <GradCheck.Analyzers.dll> [layers]");
    return 2;
}

var output = Path.GetFullPath(args[0]);
var analyzer = Path.GetFullPath(args[1]);
var layers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 230;
Directory.CreateDirectory(output);

// The generated project must not inherit the repository's central package management.
File.WriteAllText(Path.Combine(output, "Directory.Build.props"), "<Project />\n");
File.WriteAllText(Path.Combine(output, "Directory.Packages.props"), "<Project />\n");
File.WriteAllText(Path.Combine(output, "Generated.csproj"), $"""
    <Project Sdk="Microsoft.NET.Sdk">
      <PropertyGroup>
        <TargetFramework>net10.0</TargetFramework>
        <Nullable>enable</Nullable>
        <ImplicitUsings>enable</ImplicitUsings>
        <NoWarn>$(NoWarn);CS8618</NoWarn>
      </PropertyGroup>
      <ItemGroup>
        <PackageReference Include="MathNet.Numerics" Version="5.0.0" />
        <Analyzer Include="{analyzer}" />
      </ItemGroup>
    </Project>
    """);
File.WriteAllText(Path.Combine(output, "Contract.cs"), """
    namespace GradCheck;

    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Field | AttributeTargets.Property | AttributeTargets.ReturnValue)]
    public sealed class ShapeAttribute(params string[] dims) : Attribute
    {
        public IReadOnlyList<string> Dims { get; } = dims;
    }
    """);

var lines = 0;
for (var i = 0; i < layers; i++)
{
    var text = Layer(i);
    lines += text.Split('\n').Length;
    File.WriteAllText(Path.Combine(output, $"Layer{i:D4}.cs"), text);
}
Console.WriteLine($"{layers} layers, {lines} lines of gradient code in {output}");
return 0;

// One dense layer with a sigmoid, its loss, backward pass, update and a few helpers (about 100 lines).
// Every 25th layer carries one deliberate shape bug, so the run proves the analyzer was loaded and ran.
static string Layer(int i)
{
    var bug = i % 25 == 7;
    var code = new StringBuilder();
    code.Append($$"""
        using MathNet.Numerics.LinearAlgebra;
        using GradCheck;

        namespace Generated;

        public sealed class Layer{{i}}
        {
            [Shape("D", "H")] public Matrix<double> W { get; private set; }
            [Shape("H")] public Vector<double> b { get; private set; }
            [Shape("H", "K")] public Matrix<double> V { get; private set; }
            [Shape("K")] public Vector<double> c { get; private set; }
            private readonly int hidden;

            public Layer{{i}}(int inputs, int hidden, int outputs)
            {
                this.hidden = hidden;
                W = Matrix<double>.Build.Random(inputs, hidden, {{i}});
                b = Vector<double>.Build.Dense(hidden);
                V = Matrix<double>.Build.Random(hidden, outputs, {{i + 1}});
                c = Vector<double>.Build.Dense(outputs);
            }

            [return: Shape("A", "B")]
            private static Matrix<double> Sigmoid([Shape("A", "B")] Matrix<double> h) => h.Map(v => 1.0 / (1.0 + Math.Exp(-v)));

            [return: Shape("A", "B")]
            private static Matrix<double> SigmoidPrime([Shape("A", "B")] Matrix<double> h)
            {
                var s = Sigmoid(h);
                return s.PointwiseMultiply(1.0 - s);
            }

            [return: Shape("N", "K")]
            public Matrix<double> Forward([Shape("N", "D")] Matrix<double> x)
            {
                int n = x.RowCount;
                var ones = Vector<double>.Build.Dense(n, 1.0);
                var h1 = x * W + ones.OuterProduct(b);
                var z1 = Sigmoid(h1);
                return z1 * V + ones.OuterProduct(c);
            }

            public double Loss([Shape("N", "D")] Matrix<double> x, [Shape("N", "K")] Matrix<double> y)
            {
                var r = Forward(x) - y;
                var norm = r.FrobeniusNorm();
                return norm * norm / x.RowCount;
            }

            public (Matrix<double> dW, Vector<double> db, Matrix<double> dV, Vector<double> dc) Backward(
                [Shape("N", "D")] Matrix<double> x, [Shape("N", "K")] Matrix<double> y)
            {
                int n = x.RowCount;
                var ones = Vector<double>.Build.Dense(n, 1.0);
                var h1 = x * W + ones.OuterProduct(b);
                var z1 = Sigmoid(h1);
                var z2 = z1 * V + ones.OuterProduct(c);
                var dz2 = (z2 - y) * (2.0 / n);
                var dV = z1.TransposeThisAndMultiply(dz2);
                var dc = dz2.ColumnSums();
                var dz1 = dz2.TransposeAndMultiply(V);
                var dh1 = dz1.PointwiseMultiply(SigmoidPrime(h1));
                var dW = {{(bug ? "dh1.TransposeThisAndMultiply(x)" : "x.TransposeThisAndMultiply(dh1)")}};
                var db = dh1.ColumnSums();
                return (dW, db, dV, dc);
            }

            public void Step([Shape("N", "D")] Matrix<double> x, [Shape("N", "K")] Matrix<double> y, double rate)
            {
                var (dW, db, dV, dc) = Backward(x, y);
                W = W - dW * rate;
                b = b - db * rate;
                V = V - dV * rate;
                c = c - dc * rate;
            }

            public double Train([Shape("N", "D")] Matrix<double> x, [Shape("N", "K")] Matrix<double> y, int epochs)
            {
                var loss = 0.0;
                for (var epoch = 0; epoch < epochs; epoch++)
                {
                    Step(x, y, 0.1 / (1 + epoch));
                    loss = Loss(x, y);
                    if (double.IsNaN(loss)) break;
                }
                return loss;
            }

            [return: Shape("H", "H")]
            public Matrix<double> Gram()
            {
                var g = W.TransposeThisAndMultiply(W);
                for (var k = 0; k < hidden; k++) g[k, k] += 1e-6;
                return g;
            }

            public Vector<double> Scores([Shape("N", "D")] Matrix<double> x)
            {
                var z = Forward(x);
                var totals = z.RowSums();
                var weights = Vector<double>.Build.Dense(z.ColumnCount, 1.0 / z.ColumnCount);
                return z * weights + totals * 0.0;
            }

            public Matrix<double> Unannotated(Matrix<double> a, Matrix<double> m, int size)
            {
                var p = Matrix<double>.Build.Dense(size, size);
                var q = a * m;
                for (var k = 0; k < 3; k++) q = q + p * 0.0;
                return q.Transpose() * a;
            }
        }

        """);
    return code.ToString();
}
