namespace GradCheck;

/// <summary>Floating-point facts the finite differences rest on.</summary>
internal static class Precision
{
    /// <summary>2⁻⁵², the spacing of doubles at 1.</summary>
    public const double MachineEpsilon = 2.220446049250313e-16;
}
