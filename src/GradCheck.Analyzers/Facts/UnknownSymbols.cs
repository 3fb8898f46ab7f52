using System.Globalization;
using System.Threading;
using GradCheck.Analyzers.Model;
using GradCheck.Dims;

namespace GradCheck.Analyzers.Facts;

/// <summary>
/// The dims ?1, ?2, … that name the unknown sizes of an analysis, made once and shared by all analyses (a dim is
/// immutable): every analysis numbers its unknowns from 1, and a body makes one or two for each matrix it meets.
/// </summary>
internal static class UnknownSymbols
{
    private const int Cached = 4096;

    private static readonly DimExpression?[] Made = new DimExpression?[Cached];

    /// <summary>The dim of the <paramref name="number"/>th unknown (from 1).</summary>
    public static DimExpression Get(int number)
    {
        if (number >= Cached) return Make(number);
        // Two threads may both make one: either is the same value.
        return Volatile.Read(ref Made[number]) ?? (Made[number] = Make(number));
    }

    private static DimExpression Make(int number) => DimExpression.Symbol(Unknowns.Marker + number.ToString(CultureInfo.InvariantCulture));
}
