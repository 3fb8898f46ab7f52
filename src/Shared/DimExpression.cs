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
    // Monomials (each one's symbols, sorted, repeated for powers, joined by '*'; "" for the constant) with their
    // coefficients, sorted by monomial in ordinal order, no zeros. A sorted array rather than a sorted dictionary: dims
    // are small and made often (the analyzer builds and compares many), so each one costs two small allocations.
    private readonly KeyValuePair<string, long>[] terms;

    private static readonly KeyValuePair<string, long>[] NoTerms = new KeyValuePair<string, long>[0];
    private static readonly IComparer<KeyValuePair<string, long>> ByMonomial = new MonomialOrder();

    private DimExpression(KeyValuePair<string, long>[] terms) => this.terms = terms;

    /// <summary>A literal size.</summary>
    public static DimExpression Literal(long value) =>
        new(value == 0 ? NoTerms : new[] { new KeyValuePair<string, long>("", value) });

    /// <summary>A size symbol (an identifier such as <c>N</c>, or a name the analyzer gives a size found in code).</summary>
    public static DimExpression Symbol(string name)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("A size symbol needs a name.", nameof(name));
        return new DimExpression(new[] { new KeyValuePair<string, long>(name, 1) });
    }

    /// <summary>Whether the dim is a number, with no symbol in it.</summary>
    // The constant's monomial "" sorts before every other.
    public bool IsLiteral => terms.Length == 0 || terms.Length == 1 && terms[0].Key.Length == 0;

    /// <summary>The number, when <see cref="IsLiteral"/>.</summary>
    public long? LiteralValue => IsLiteral ? ConstantTerm : null;

    /// <summary>Whether the dim is one symbol on its own (<c>"N"</c>, not <c>"N+1"</c> or <c>"2*N"</c>).</summary>
    public bool IsSymbol => terms.Length == 1 && terms[0] is { Key.Length: > 0, Value: 1 } only && only.Key.IndexOf('*') < 0;

    /// <summary>The symbols the dim names, in order.</summary>
    public IReadOnlyList<string> Symbols => symbols ??= CollectSymbols();

    // Computed once: the analyzer asks a dim for its symbols many times (an immutable value, so caching is safe).
    private IReadOnlyList<string>? symbols;

    private IReadOnlyList<string> CollectSymbols()
    {
        var linear = true;
        var count = 0;
        foreach (var term in terms)
        {
            if (term.Key.Length == 0) continue;
            count++;
            linear &= term.Key.IndexOf('*') < 0;
        }

        if (count == 0) return Array.Empty<string>();
        if (linear)
        {
            // Each monomial is one symbol, and they are already distinct and in order.
            var names = new string[count];
            var at = 0;
            foreach (var term in terms)
                if (term.Key.Length > 0) names[at++] = term.Key;
            return names;
        }

        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (term.Key.Length == 0) continue;
            foreach (var symbol in term.Key.Split('*')) found.Add(symbol);
        }

        return new List<string>(found);
    }

    private long ConstantTerm => terms.Length > 0 && terms[0].Key.Length == 0 ? terms[0].Value : 0;

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
        // The usual dim, one symbol on its own, is replaced whole: nothing to multiply out or normalise.
        if (IsSymbol) return replacement(terms[0].Key) ?? this;
        var replaces = false;
        foreach (var symbol in Symbols)
        {
            if (replacement(symbol) is null) continue;
            replaces = true;
            break;
        }

        if (!replaces) return this;
        var result = new List<KeyValuePair<string, long>>(terms.Length + 2);
        var changed = false;
        foreach (var term in terms)
        {
            if (term.Key.Length == 0)
            {
                result.Add(term);
                continue;
            }

            if (term.Key.IndexOf('*') < 0)
            {
                // A linear term (the usual one): its value scaled, no product built.
                var value = replacement(term.Key);
                if (value is null)
                {
                    result.Add(term);
                    continue;
                }

                changed = true;
                foreach (var part in value.terms) result.Add(new KeyValuePair<string, long>(part.Key, checked(term.Value * part.Value)));
                continue;
            }

            var product = Literal(term.Value);
            foreach (var symbol in term.Key.Split('*'))
            {
                var value = replacement(symbol);
                changed |= value is not null;
                product *= value ?? Symbol(symbol);
            }

            result.AddRange(product.terms);
        }

        return changed ? new DimExpression(Normalize(result)) : this;
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
        var index = IndexOf(symbol);
        if (index < 0) return false;
        var coefficient = terms[index].Value;
        if (coefficient is not (1 or -1)) return false;
        var rest = new KeyValuePair<string, long>[terms.Length - 1];
        var at = 0;
        foreach (var term in terms)
        {
            if (term.Key == symbol) continue;
            if (term.Key.IndexOf('*') >= 0)
                foreach (var name in term.Key.Split('*'))
                    if (name == symbol) return false;
            // Order is kept: the same monomials, one fewer.
            rest[at++] = new KeyValuePair<string, long>(term.Key, checked(-coefficient * term.Value));
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
        var result = new List<KeyValuePair<string, long>>(a.terms.Length * b.terms.Length);
        foreach (var x in a.terms)
            foreach (var y in b.terms)
                result.Add(new KeyValuePair<string, long>(MultiplyMonomials(x.Key, y.Key), checked(x.Value * y.Value)));
        return new DimExpression(Normalize(result));
    }

    /// <inheritdoc/>
    public bool Equals(DimExpression? other)
    {
        if (other is null || other.terms.Length != terms.Length) return false;
        for (var i = 0; i < terms.Length; i++)
            if (terms[i].Value != other.terms[i].Value || !string.Equals(terms[i].Key, other.terms[i].Key, StringComparison.Ordinal)) return false;
        return true;
    }

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
        if (terms.Length == 0) return "0";
        var text = new StringBuilder();
        // Added terms before subtracted ones, higher degree first, then by name; the number last: "L-K+1", "2*N+2".
        var ordered = terms.Where(t => t.Key.Length > 0)
            .OrderBy(t => t.Value < 0)
            .ThenByDescending(t => t.Key.Split('*').Length)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .ToList();
        if (ConstantTerm is var constant and not 0) ordered.Add(new KeyValuePair<string, long>("", constant));
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

    /// <summary>The index of a monomial in <see cref="terms"/>, or -1.</summary>
    private int IndexOf(string monomial)
    {
        for (var i = 0; i < terms.Length; i++)
            if (string.Equals(terms[i].Key, monomial, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>a + sign·b, merged in one pass over both sorted term lists.</summary>
    private static DimExpression Combine(DimExpression a, DimExpression b, long sign)
    {
        if (b.terms.Length == 0) return a;
        var result = new KeyValuePair<string, long>[a.terms.Length + b.terms.Length];
        int i = 0, j = 0, count = 0;
        while (i < a.terms.Length || j < b.terms.Length)
        {
            var order = i == a.terms.Length ? 1 : j == b.terms.Length ? -1 : string.CompareOrdinal(a.terms[i].Key, b.terms[j].Key);
            if (order < 0)
            {
                result[count++] = a.terms[i++];
            }
            else if (order > 0)
            {
                result[count++] = new KeyValuePair<string, long>(b.terms[j].Key, checked(sign * b.terms[j].Value));
                j++;
            }
            else
            {
                var sum = checked(a.terms[i].Value + sign * b.terms[j].Value);
                if (sum != 0) result[count++] = new KeyValuePair<string, long>(a.terms[i].Key, sum);
                i++;
                j++;
            }
        }

        if (count < result.Length) Array.Resize(ref result, count);
        return new DimExpression(result);
    }

    /// <summary>Terms in any order, possibly repeated, as the normal form: sorted by monomial, like ones added, zeros dropped.</summary>
    private static KeyValuePair<string, long>[] Normalize(List<KeyValuePair<string, long>> raw)
    {
        raw.Sort(ByMonomial);
        var merged = new List<KeyValuePair<string, long>>(raw.Count);
        foreach (var term in raw)
        {
            if (merged.Count > 0 && string.Equals(merged[merged.Count - 1].Key, term.Key, StringComparison.Ordinal))
                merged[merged.Count - 1] = new KeyValuePair<string, long>(term.Key, checked(merged[merged.Count - 1].Value + term.Value));
            else
                merged.Add(term);
        }

        merged.RemoveAll(term => term.Value == 0);
        return merged.Count == 0 ? NoTerms : merged.ToArray();
    }

    private static string MultiplyMonomials(string a, string b)
    {
        if (a.Length == 0) return b;
        if (b.Length == 0) return a;
        var symbols = a.Split('*').Concat(b.Split('*')).OrderBy(s => s, StringComparer.Ordinal);
        return string.Join("*", symbols);
    }

    private sealed class MonomialOrder : IComparer<KeyValuePair<string, long>>
    {
        public int Compare(KeyValuePair<string, long> x, KeyValuePair<string, long> y) => string.CompareOrdinal(x.Key, y.Key);
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
