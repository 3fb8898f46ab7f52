namespace GradCheck;

/// <summary>Facts about floating-point numbers the finite differences rest on.</summary>
internal static class FloatingPoint
{
    /// <summary>2⁻⁵², the spacing of doubles at 1 (MathNet's <c>Precision.PositiveMachineEpsilon</c>; twice the unit roundoff).</summary>
    public const double DoubleEpsilon = 2.220446049250313e-16;
}
