namespace GradCheck;

/// <summary>An analytic value set against a finite-difference stencil, and the verdict.</summary>
internal readonly record struct Comparison(Verdict Verdict, double Analytic, double Numeric, double AbsoluteError, double Tolerance)
{
    public double RelativeError => RelativeErrorOf(AbsoluteError, Analytic, Numeric);

    public static double RelativeErrorOf(double absoluteError, double analytic, double numeric)
    {
        var scale = Math.Max(Math.Abs(analytic), Math.Abs(numeric));
        return scale > 0 ? absoluteError / scale : 0;
    }

    /// <summary>
    /// The cheap test on the ±1 points: rounding is the only error it allows for, so a pass is sure and a failure
    /// only means "look closer" with <see cref="Refined"/>.
    /// </summary>
    public static Comparison FirstLook(double analytic, in FivePointStencil stencil, CheckOptions options, double absoluteScale)
    {
        var numeric = stencil.Centred;
        var error = Math.Abs(analytic - numeric);
        var tolerance = options.AbsoluteTolerance * absoluteScale
                        + options.RelativeTolerance * Math.Max(Math.Abs(analytic), Math.Abs(numeric))
                        + stencil.FirstLookBound;
        return new Comparison(error <= tolerance ? Verdict.Passed : Verdict.Failed, analytic, numeric, error, tolerance);
    }

    /// <summary>
    /// The decisive test on all five points. A kink is recognised first, because the error estimates assume
    /// smoothness; an analytic value between the one-sided slopes there is a subgradient, not a bug.
    /// </summary>
    public static Comparison Refined(double analytic, in FivePointStencil stencil, CheckOptions options, double absoluteScale)
    {
        var absolute = options.AbsoluteTolerance * absoluteScale;
        if (stencil.HasKink)
        {
            var slack = absolute + stencil.FirstLookBound + options.RelativeTolerance * Math.Abs(analytic);
            var outcome = stencil.IsOneSidedValue(analytic, slack) ? Verdict.NonDifferentiable : Verdict.Failed;
            var numericAtKink = stencil.Centred;
            return new Comparison(outcome, analytic, numericAtKink, Math.Abs(analytic - numericAtKink), slack);
        }

        var numeric = stencil.Refined;
        var error = Math.Abs(analytic - numeric);
        var tolerance = absolute
                        + options.RelativeTolerance * Math.Max(Math.Abs(analytic), Math.Abs(numeric))
                        + stencil.RefinedBound;
        return new Comparison(error <= tolerance ? Verdict.Passed : Verdict.Failed, analytic, numeric, error, tolerance);
    }
}
