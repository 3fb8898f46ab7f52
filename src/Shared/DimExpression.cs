// The one grammar of a [Shape] dim, compiled into both the engine (net10.0) and the analyzer (netstandard2.0): keep
// it free of APIs newer than netstandard2.0.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace GradCheck.Dims;

/// <summary>
/// One dim of a <c>[Shape]</c>: an integer expression of size symbols and literals with <c>+</c>, <c>-</c>, <c>*</c> and
/// parentheses (<c>"N"</c>, <c>"3"</c>, <c>"L-K+1"</c>, <c>"In+1"</c>, <c>"N*C"</c>), held in a normal form (a polynomial
/// with integer coefficients), so two dims are equal exactly when their normal forms are.
/// </summary>
/// <remarks>
/// Grammar, spaces allowed between tokens:
/// <code>
/// dim    := term (('+' | '-') term)*
/// term   := factor ('*' factor)*
/// factor := integer | symbol | '(' dim ')'
/// symbol := (letter | '_') (letter | digit | '_')*
/// </code>
/// A dim that is a plain literal must be at least 1; a derived dim (one with symbols) is checked when its symbols get
/// sizes.
/// </remarks>
internal sealed class DimExpression : IEquatable<DimExpression>
{
    // Monomial (its symbols, sorted, repeated for powers, joined by '*'; "" for the constant) → coefficient, no zeros.
    private readonly SortedDictionary<string, long> terms;

    private DimExpression(SortedDictionary<string, long> terms) => this.terms = terms;

    /// <summary>A literal size.</summary>
    public static DimExpression Literal(long value)
    {
        var terms = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (value != 0) terms[""] = value;
        return new DimExpression(terms);
    }

    /// <summary>A size symbol (an identifier such as <c>N</c>, or a name the analyzer gives a size found in code).</summary>
    public static DimExpression Symbol(string name)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("A size symbol needs a name.", nameof(name));
        return new DimExpression(new SortedDictionary<string, long>(StringComparer.Ordinal) { [name] = 1 });
    }

    /// <summary>Whether the dim is a number, with no symbol in it.</summary>
    public bool IsLiteral => terms.Count == 0 || terms.Count == 1 && terms.ContainsKey("");

    /// <summary>The number, when <see cref="IsLiteral"/>.</summary>
    public long? LiteralValue => IsLiteral ? ConstantTerm : null;

    /// <summary>Whether the dim is one symbol on its own (<c>"N"</c>, not <c>"N+1"</c> or <c>"2*N"</c>).</summary>
    public bool IsSymbol => terms.Count == 1 && terms.First() is { Key.Length: > 0, Value: 1 } only && only.Key.IndexOf('*') < 0;

    /// <summary>The symbols the dim names, in order.</summary>
    public IReadOnlyList<string> Symbols => symbols ??= CollectSymbols();

    // Computed once: the analyzer asks a dim for its symbols many times (an immutable value, so caching is safe).
    private IReadOnlyList<string>? symbols;

    private IReadOnlyList<string> CollectSymbols()
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var monomial in terms.Keys)
        {
            if (monomial.Length == 0) continue;
            if (monomial.IndexOf('*') < 0) found.Add(monomial);
            else foreach (var symbol in monomial.Split('*')) found.Add(symbol);
        }

        return found.Count == 0 ? Array.Empty<string>() : new List<string>(found);
    }

    private long ConstantTerm => terms.TryGetValue("", out var constant) ? constant : 0;

    /// <summary>Reads a dim as written in a <c>[Shape]</c>; null with <paramref name="problem"/> set when it is malformed.</summary>
    /// <param name="text">The dim as written.</param>
    /// <param name="problem">Why it is malformed, as a phrase to follow the dim (<c>dim "0" …</c>); null when it parses.</param>
    public static DimExpression? Parse(string? text, out string? problem)
    {
        if (text is null || text.Trim().Length == 0)
        {
            problem = "is empty: write a size symbol such as N, a number such as 3, or an expression such as L-K+1";
            return null;
        }

        var parser = new Parser(text);
        var dim = parser.ParseWhole(out problem);
        if (dim is null) return null;
        if (dim.IsLiteral && dim.ConstantTerm < 1)
        {
            problem = "is not a size: a literal size must be at least 1";
            return null;
        }

        return dim;
    }

    /// <summary>The size this dim has when each symbol has the size <paramref name="sizeOf"/> gives; null when a symbol has none.</summary>
    public long? Evaluate(Func<string, long?> sizeOf)
    {
        long total = 0;
        foreach (var term in terms)
        {
            var product = term.Value;
            if (term.Key.Length > 0)
            {
                foreach (var symbol in term.Key.Split('*'))
                {
                    if (sizeOf(symbol) is not { } size) return null;
                    product = checked(product * size);
                }
            }

            total = checked(total + product);
        }

        return total;
    }

    /// <summary>
    /// Whether two dims are different sizes for sure: their difference is a non-zero number (<c>N+1</c> and <c>N</c>), or
    /// they differ in an independent symbol (<c>N</c> and <c>D</c>, <c>L-K+1</c> and <c>L</c>). A dim with symbols is never
    /// said to differ from a plain literal (<c>D</c> against <c>784</c>): annotating symbolically a layer built with fixed
    /// sizes is common and correct.
    /// </summary>
    public static bool DefinitelyDiffer(DimExpression? a, DimExpression? b)
    {
        if (a is null || b is null || a.Equals(b)) return false;
        var difference = a - b;
        if (difference.IsLiteral) return true;
        return !a.IsLiteral && !b.IsLiteral;
    }

    /// <summary>
    /// The dim with each symbol that <paramref name="replacement"/> maps replaced by its value (the others kept):
    /// how a size found in code is expressed in another scope, e.g. a helper's parameter sizes at a call site.
    /// </summary>
    /// <param name="replacement">The value of a symbol, or null to keep the symbol.</param>
    public DimExpression Substitute(Func<string, DimExpression?> replacement)
    {
        if (IsLiteral) return this;
        var replaces = false;
        foreach (var symbol in Symbols)
        {
            if (replacement(symbol) is null) continue;
            replaces = true;
            break;
        }

        if (!replaces) return this;
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var changed = false;
        foreach (var term in terms)
        {
            if (term.Key.Length == 0)
            {
                Add(result, "", term.Value);
                continue;
            }

            var product = Literal(term.Value);
            foreach (var symbol in term.Key.Split('*'))
            {
                var value = replacement(symbol);
                changed |= value is not null;
                product *= value ?? Symbol(symbol);
            }

            foreach (var part in product.terms) Add(result, part.Key, part.Value);
        }

        return changed ? new DimExpression(result) : this;
    }

    /// <summary>
    /// Solves <c>this = 0</c> for <paramref name="symbol"/> when the dim is linear in it with coefficient 1 or -1
    /// (<c>a + 1 - N = 0</c> gives <c>a = N - 1</c>); false when it is not (absent, in a product, another coefficient).
    /// </summary>
    /// <param name="symbol">The symbol to solve for.</param>
    /// <param name="value">Its value, in terms of the dim's other symbols.</param>
    public bool TrySolveFor(string symbol, out DimExpression? value)
    {
        value = null;
        if (!terms.TryGetValue(symbol, out var coefficient) || coefficient is not (1 or -1)) return false;
        var rest = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (term.Key == symbol) continue;
            foreach (var name in term.Key.Split('*'))
                if (name == symbol) return false;
            rest[term.Key] = checked(-coefficient * term.Value);
        }

        value = new DimExpression(rest);
        return true;
    }

    /// <summary>The sum of two dims.</summary>
    public static DimExpression operator +(DimExpression a, DimExpression b) => Combine(a, b, 1);

    /// <summary>The difference of two dims.</summary>
    public static DimExpression operator -(DimExpression a, DimExpression b) => Combine(a, b, -1);

    /// <summary>The product of two dims.</summary>
    public static DimExpression operator *(DimExpression a, DimExpression b)
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var x in a.terms)
            foreach (var y in b.terms)
                Add(result, MultiplyMonomials(x.Key, y.Key), checked(x.Value * y.Value));
        return new DimExpression(result);
    }

    /// <inheritdoc/>
    public bool Equals(DimExpression? other) =>
        other is not null && other.terms.Count == terms.Count && terms.All(t => other.terms.TryGetValue(t.Key, out var c) && c == t.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DimExpression);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var term in terms) hash = unchecked(hash * 31 + StringComparer.Ordinal.GetHashCode(term.Key) * 7 + term.Value.GetHashCode());
        return hash;
    }

    /// <summary>The normal form as a reader writes it (<c>L-K+1</c>).</summary>
    public override string ToString()
    {
        if (terms.Count == 0) return "0";
        var text = new StringBuilder();
        // Added terms before subtracted ones, higher degree first, then by name; the number last: "L-K+1", "2*N+2".
        var ordered = terms.Where(t => t.Key.Length > 0)
            .OrderBy(t => t.Value < 0)
            .ThenByDescending(t => t.Key.Split('*').Length)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();
        if (terms.TryGetValue("", out var constant)) ordered.Add(new KeyValuePair<string, long>("", constant));
        foreach (var term in ordered)
        {
            var coefficient = term.Value;
            if (text.Length > 0) text.Append(coefficient < 0 ? "-" : "+");
            else if (coefficient < 0) text.Append('-');
            var magnitude = Math.Abs(coefficient);
            if (term.Key.Length == 0) text.Append(magnitude.ToString(CultureInfo.InvariantCulture));
            else if (magnitude == 1) text.Append(term.Key);
            else text.Append(magnitude.ToString(CultureInfo.InvariantCulture)).Append('*').Append(term.Key);
        }

        return text.ToString();
    }

    private static DimExpression Combine(DimExpression a, DimExpression b, long sign)
    {
        var result = new SortedDictionary<string, long>(a.terms, StringComparer.Ordinal);
        foreach (var term in b.terms) Add(result, term.Key, checked(sign * term.Value));
        return new DimExpression(result);
    }

    private static void Add(SortedDictionary<string, long> terms, string monomial, long coefficient)
    {
        var sum = checked((terms.TryGetValue(monomial, out var existing) ? existing : 0) + coefficient);
        if (sum == 0) terms.Remove(monomial);
        else terms[monomial] = sum;
    }

    private static string MultiplyMonomials(string a, string b)
    {
        if (a.Length == 0) return b;
        if (b.Length == 0) return a;
        var symbols = a.Split('*').Concat(b.Split('*')).OrderBy(s => s, StringComparer.Ordinal);
        return string.Join("*", symbols);
    }

    /// <summary>A recursive-descent parser over the grammar in the type's remarks.</summary>
    private sealed class Parser(string text)
    {
        private int position;

        public DimExpression? ParseWhole(out string? problem)
        {
            problem = null;
            var dim = Sum(ref problem);
            if (dim is null) return null;
            SkipSpaces();
            if (position < text.Length)
            {
                problem = text[position] == ')'
                    ? $"has a ')' at position {position + 1} with no '(' to close"
                    : $"has '{text[position]}' at position {position + 1} where +, -, * or the end was expected";
                return null;
            }

            return dim;
        }

        private DimExpression? Sum(ref string? problem)
        {
            var left = Product(ref problem);
            while (left is not null)
            {
                SkipSpaces();
                if (position >= text.Length || text[position] is not ('+' or '-')) break;
                var op = text[position++];
                var right = Product(ref problem);
                if (right is null) return null;
                left = op == '+' ? left + right : left - right;
            }

            return left;
        }

        private DimExpression? Product(ref string? problem)
        {
            var left = Factor(ref problem);
            while (left is not null)
            {
                SkipSpaces();
                if (position >= text.Length || text[position] != '*') break;
                position++;
                var right = Factor(ref problem);
                if (right is null) return null;
                left *= right;
            }

            return left;
        }

        private DimExpression? Factor(ref string? problem)
        {
            SkipSpaces();
            if (position >= text.Length)
            {
                problem = "ends where a size symbol or a number was expected";
                return null;
            }

            var start = position;
            var c = text[position];
            if (c == '(')
            {
                position++;
                var inner = Sum(ref problem);
                if (inner is null) return null;
                SkipSpaces();
                if (position >= text.Length || text[position] != ')')
                {
                    problem = $"has a '(' at position {start + 1} that is never closed";
                    return null;
                }

                position++;
                return inner;
            }

            if (c is >= '0' and <= '9')
            {
                while (position < text.Length && text[position] is >= '0' and <= '9') position++;
                if (!long.TryParse(text.Substring(start, position - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                    || value > int.MaxValue)
                {
                    problem = $"has the number {text.Substring(start, position - start)}, which is too large for a size";
                    return null;
                }

                return Literal(value);
            }

            if (char.IsLetter(c) || c == '_')
            {
                while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] == '_')) position++;
                return Symbol(text.Substring(start, position - start));
            }

            problem = $"has '{c}' at position {position + 1} where a size symbol (such as N), a number or '(' was expected";
            return null;
        }

        private void SkipSpaces()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
        }
    }
}
