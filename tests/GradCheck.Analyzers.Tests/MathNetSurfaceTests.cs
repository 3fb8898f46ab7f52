using System.Reflection;
using GradCheck.Analyzers.Transfers;
using MathNet.Numerics.LinearAlgebra;

namespace GradCheck.Analyzers.Tests;

/// <summary>
/// Contract point 9: every public member of Matrix&lt;T&gt;, Vector&lt;T&gt;, MatrixBuilder&lt;T&gt; and VectorBuilder&lt;T&gt; in
/// MathNet.Numerics 5 that returns a matrix or vector has a shape transfer or is listed as deliberately unknown.
/// </summary>
public sealed class MathNetSurfaceTests
{
    [Fact]
    public void Every_matrix_and_vector_member_has_a_transfer_or_is_listed_as_unknown()
    {
        var missing = new List<string>();
        foreach (var (type, isMatrix) in new[] { (typeof(Matrix<double>), true), (typeof(Vector<double>), false) })
            foreach (var name in MembersReturningMatrixOrVector(type))
                if (MathNetTransfers.ForMember(name, isMatrix) is null && !MathNetTransfers.Operators.Contains(name)
                    && !MathNetTransfers.DeliberatelyUnknown.Contains(name))
                    missing.Add(type.Name + "." + name);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_builder_member_has_a_transfer_or_is_listed_as_unknown()
    {
        var missing = new List<string>();
        foreach (var (type, table) in new[]
                 {
                     (typeof(MatrixBuilder<double>), MathNetTransfers.MatrixBuilderMembers),
                     (typeof(VectorBuilder<double>), MathNetTransfers.VectorBuilderMembers),
                 })
            foreach (var name in MembersReturningMatrixOrVector(type))
                if (!table.ContainsKey(name) && !MathNetTransfers.DeliberatelyUnknown.Contains(name))
                    missing.Add(type.Name + "." + name);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_name_in_the_table_is_a_MathNet_member()
    {
        // A misspelt or removed name would never match: the table would claim a rule it does not have.
        var all = new HashSet<string>(new[] { typeof(Matrix<double>), typeof(Vector<double>), typeof(MatrixBuilder<double>), typeof(VectorBuilder<double>) }
            .SelectMany(MembersReturningMatrixOrVector));
        Assert.True(all.Count > 150, $"only {all.Count} members found: the enumeration itself is broken");
        var listed = MathNetTransfers.MatrixMembers.Keys.Concat(MathNetTransfers.VectorMembers.Keys).Concat(MathNetTransfers.MatrixBuilderMembers.Keys)
            .Concat(MathNetTransfers.VectorBuilderMembers.Keys).Concat(MathNetTransfers.DeliberatelyUnknown).Concat(MathNetTransfers.Operators);
        var extra = listed.Where(name => !all.Contains(name)).ToList();
        Assert.Empty(extra);
    }

    private static IEnumerable<string> MembersReturningMatrixOrVector(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal))
            .Where(m => IsMatrixOrVector(m.ReturnType))
            .Select(m => m.Name)
            .Distinct();

    private static bool IsMatrixOrVector(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(Matrix<>) || t.GetGenericTypeDefinition() == typeof(Vector<>))) return true;
        return false;
    }
}
