namespace GradCheck;

/// <summary>How a test method's parameter is drawn.</summary>
internal enum PropertyParameterKind
{
    /// <summary>A <c>Matrix&lt;double&gt;</c> shaped by [Shape].</summary>
    Matrix,

    /// <summary>A <c>Vector&lt;double&gt;</c> shaped by [Shape].</summary>
    Vector,

    /// <summary>A bounded <see cref="double"/> (a drawn constant) or a <see cref="GradCheck.Scalar"/> (differentiated), in the parameter's value
    /// domain.</summary>
    Scalar,

    /// <summary>Anything else, from FsCheck's (or the user's) Arbitrary for its type.</summary>
    Other,
}
