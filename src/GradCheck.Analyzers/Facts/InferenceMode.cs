namespace GradCheck.Analyzers.Facts;

/// <summary>What an analysis of one body is for.</summary>
internal enum InferenceMode
{
    /// <summary>A method, accessor or initializer analysed for the rules: findings are kept.</summary>
    Report,

    /// <summary>A constructor (with the field initializers) analysed for the shapes it gives the fields.</summary>
    Constructor,

    /// <summary>An unannotated helper analysed for its inferred signature.</summary>
    Summary,

    /// <summary>A method that assigns a field outside the constructors, analysed for the shapes it assigns.</summary>
    FieldAssignments,
}
