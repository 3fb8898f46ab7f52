using System.Reflection;

namespace GradCheck.Xunit.Tests.Conventions;

/// <summary>
/// A file that imports GradCheck next to FsCheck, xUnit or MathNet.Numerics must never meet an ambiguous simple name
/// (CS0104): no public type of ours shares its name with a public type of theirs.
/// </summary>
public class PublicNameTests
{
    private static readonly Assembly[] Ours = [typeof(GradientCheck).Assembly, typeof(GradCheckAttribute).Assembly];

    private static readonly Assembly[] Theirs =
    [
        typeof(FsCheck.Gen<int>).Assembly,                              // FsCheck (its C# API too)
        typeof(Assert).Assembly,                                        // xunit.v3.assert
        typeof(FactAttribute).Assembly,                                 // xunit.v3.core
        typeof(global::Xunit.Sdk.ITestFrameworkDiscoveryOptions).Assembly, // xunit.v3.common
        typeof(MathNet.Numerics.Precision).Assembly,                    // MathNet.Numerics
    ];

    [Fact]
    public void No_public_type_shares_a_simple_name_with_a_public_type_of_FsCheck_xUnit_or_MathNet()
    {
        var theirs = Theirs.Distinct().SelectMany(a => a.GetExportedTypes())
            .GroupBy(SimpleName).ToDictionary(g => g.Key, g => g.First().FullName);
        var clashes = Ours.SelectMany(a => a.GetExportedTypes())
            .Where(t => theirs.ContainsKey(SimpleName(t)))
            .Select(t => $"{t.FullName} and {theirs[SimpleName(t)]}")
            .ToList();

        Assert.True(theirs.Count > 500, $"only {theirs.Count} names were read from the other libraries");
        Assert.Empty(clashes);
    }

    [Fact]
    public void The_test_can_see_a_clash()
    {
        // The guard itself: MathNet's Precision would clash with a public GradCheck.Precision, as it did before.
        var mathNet = typeof(MathNet.Numerics.Precision).Assembly.GetExportedTypes().Select(SimpleName);
        Assert.Contains("Precision", mathNet);
        Assert.Contains("Outcome", typeof(FsCheck.Gen<int>).Assembly.GetExportedTypes().Select(SimpleName));
    }

    // Generic types are compared without their arity suffix (Matrix`1 is "Matrix" in C#).
    private static string SimpleName(Type type) => type.Name.Split('`')[0];
}
