namespace GradCheck;

/// <summary>One gradient element checked on its own: analytic against numeric.</summary>
/// <param name="Input">The input's name.</param>
/// <param name="Index">The element's index in column-major order.</param>
/// <param name="Row">Its row (its index, for a vector).</param>
/// <param name="Column">Its column (0 for a vector).</param>
/// <param name="Analytic">The backward pass's value.</param>
/// <param name="Numeric">The finite-difference value.</param>
/// <param name="AbsoluteError">|analytic − numeric|.</param>
/// <param name="Tolerance">The absolute error allowed here: the tolerances plus the estimated finite-difference error.</param>
/// <param name="Verdict">The verdict on this element.</param>
public sealed record ElementResult(
    string Input, int Index, int Row, int Column, double Analytic, double Numeric, double AbsoluteError, double Tolerance,
    Verdict Verdict)
{
    /// <summary>|analytic − numeric| / max(|analytic|, |numeric|).</summary>
    public double RelativeError => AbsoluteError / Math.Max(Math.Max(Math.Abs(Analytic), Math.Abs(Numeric)), double.Epsilon);
}
