using System.Collections.Generic;
using System.Linq;
using GradCheck.Analyzers.Model;
using GradCheck.Dims;

namespace GradCheck.Analyzers.Rules;

/// <summary>
/// The rewrites of a product A·B that balance it, written for the code fix as the operands in order with ' where an
/// operand's transpose is toggled: "A'B" (Aᵀ·B), "AB'" (A·Bᵀ), "BA" (B·A), "AB'" … "B'A'". When the context needs a
/// shape (a declared target, a [Shape] return, a gradient's variable) only rewrites giving that shape are offered, and
/// then both operands may change; otherwise only one change (one transpose, or the swap). Fewest changes first.
/// </summary>
public static class ProductRewrites
{
    /// <summary>The operand that was written first.</summary>
    public const char First = 'A';

    /// <summary>The operand that was written second.</summary>
    public const char Second = 'B';

    /// <summary>Marks an operand whose transpose is toggled (added, or removed where written as .Transpose()).</summary>
    public const char Toggled = '\'';

    internal static string Balancing(Shape left, Shape right, Shape? required)
    {
        if (!left.IsMatrix || !right.IsMatrix)
            return left.IsMatrix && right.IsVector && Equal(left.Rows, right.Length) ? "A'B" : "";
        var candidates = new List<(int Changes, string Text)>();
        foreach (var swap in new[] { false, true })
        {
            for (var toggles = 0; toggles < 4; toggles++)
            {
                var toggleA = (toggles & 1) != 0;
                var toggleB = (toggles & 2) != 0;
                if (!swap && !toggleA && !toggleB) continue;
                var a = toggleA ? left.Transposed() : left;
                var b = toggleB ? right.Transposed() : right;
                var (x, y) = swap ? (b, a) : (a, b);
                if (!Equal(x.Columns, y.Rows)) continue;
                var changes = (swap ? 1 : 0) + (toggleA ? 1 : 0) + (toggleB ? 1 : 0);
                if (required is null ? changes > 1 : !(Equal(x.Rows, required.Rows) && Equal(y.Columns, required.Columns))) continue;
                var textA = "A" + (toggleA ? "'" : "");
                var textB = "B" + (toggleB ? "'" : "");
                candidates.Add((changes, swap ? textB + textA : textA + textB));
            }
        }

        // A stable order: the fewest changes first, then A'B, AB', BA as listed.
        return string.Join(",", candidates.OrderBy(c => c.Changes).Select(c => c.Text));
    }

    private static bool Equal(DimExpression? a, DimExpression? b) => a is not null && a.Equals(b) && !Unknowns.Mentions(a);
}
