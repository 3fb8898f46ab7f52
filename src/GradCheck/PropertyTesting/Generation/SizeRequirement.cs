using GradCheck.Dims;
using GradCheck.Parameters;

namespace GradCheck;

/// <summary>A <see cref="RequireAttribute"/> read against the method's size symbols: two dims and the relation between them.</summary>
internal sealed class SizeRequirement
{
    // Longest first, so ">=" is not read as ">".
    private static readonly string[] Operators = [">=", "<=", "==", "!=", ">", "<"];

    private readonly DimExpression left;
    private readonly DimExpression right;
    private readonly string relation;

    private SizeRequirement(string text, DimExpression left, string relation, DimExpression right)
    {
        Text = text;
        this.left = left;
        this.relation = relation;
        this.right = right;
    }

    /// <summary>The relation as written.</summary>
    public string Text { get; }

    /// <summary>The reason a sample breaking it is discarded for, as counted.</summary>
    public string DiscardReason => $"not meeting [Require(\"{Text}\")]";

    /// <summary>Reads the relation; a malformed one, or one naming a symbol no [Shape] declares, is rejected naming the attribute.</summary>
    public static SizeRequirement Read(string? text, IReadOnlyList<string> symbols)
    {
        var shown = $"[Require(\"{text}\")]";
        if (string.IsNullOrWhiteSpace(text))
            throw new PropertyDefinitionException($"{shown} is empty: write a relation between sizes, such as \"L >= K\".");
        var form = $"write one relation between two sizes, such as \"L >= K\" ({string.Join(", ", Operators)})";
        var found = Operators.Select(op => (op, at: text.IndexOf(op, StringComparison.Ordinal))).Where(o => o.at >= 0).OrderBy(o => o.at).ToList();
        if (found.Count == 0) throw new PropertyDefinitionException($"{shown} has no relation: {form}.");
        var (op, at) = found[0];
        var (leftText, rightText) = (text[..at], text[(at + op.Length)..]);
        if (Operators.Any(o => rightText.Contains(o, StringComparison.Ordinal)))
            throw new PropertyDefinitionException($"{shown} has more than one relation: write one per [Require].");
        if ((leftText + rightText).IndexOfAny(['<', '>', '=', '!']) >= 0)
            throw new PropertyDefinitionException($"{shown} is not a relation between two sizes: {form}.");
        var left = Side(leftText, shown, "left", symbols);
        var right = Side(rightText, shown, "right", symbols);
        return new SizeRequirement(text.Trim(), left, op, right);
    }

    /// <summary>Whether sizes (one per symbol of the plan, in order) meet the relation.</summary>
    public bool HoldsAt(int[] sizes, IReadOnlyList<string> symbols)
    {
        long? SizeOf(string symbol)
        {
            for (var i = 0; i < symbols.Count; i++)
                if (symbols[i] == symbol) return sizes[i];
            return null;
        }

        var (a, b) = (left.Evaluate(SizeOf) ?? 0, right.Evaluate(SizeOf) ?? 0);
        return relation switch
        {
            ">=" => a >= b,
            "<=" => a <= b,
            ">" => a > b,
            "<" => a < b,
            "==" => a == b,
            _ => a != b,
        };
    }

    private static DimExpression Side(string text, string shown, string which, IReadOnlyList<string> symbols)
    {
        var dim = DimExpression.Parse(text, out var problem);
        // The dim grammar refuses literals below 1 (no size is 0); in a relation 0 is a fine bound.
        if (dim is null && DimExpression.Parse($"({text})+1", out _) is { IsLiteral: true } shifted)
            dim = shifted - DimExpression.Literal(1);
        if (dim is null)
            throw new PropertyDefinitionException($"{shown}: its {which} side \"{text.Trim()}\" {problem}.");
        var unknown = dim.Symbols.Where(s => !symbols.Contains(s)).ToList();
        if (unknown.Count > 0)
            throw new PropertyDefinitionException(
                $"{shown} names the size symbol{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown.Select(s => $"'{s}'"))}, which no [Shape] of " +
                $"the method declares ({(symbols.Count == 0 ? "it declares none" : "it declares " + string.Join(", ", symbols))}).");
        return dim;
    }
}
