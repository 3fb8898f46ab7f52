namespace GradCheck;

/// <summary>The kinds of likely bug a <see cref="Diagnosis"/> names.</summary>
public enum DiagnosisKind
{
    /// <summary>The analytic gradient is all zero where the numeric one is not: the backward pass does not propagate into the input.</summary>
    AllZero,

    /// <summary>The analytic gradient is the transpose of the numeric one (a square matrix): a missing or extra Transpose().</summary>
    Transposed,

    /// <summary>analytic = −numeric on the checked elements.</summary>
    SignError,

    /// <summary>analytic = <see cref="Diagnosis.Factor"/> × numeric on the checked elements: a missing or extra constant factor.</summary>
    ConstantFactor,

    /// <summary>
    /// analytic = <see cref="Diagnosis.Factor"/> × numeric on every checked element, for a factor no usual bug explains
    /// (1.0012, −480): the ratio is described, no cause is named.
    /// </summary>
    UniformRatio,

    /// <summary>Only the rows in <see cref="Diagnosis.Indices"/> are wrong.</summary>
    ConfinedToRows,

    /// <summary>Only the columns in <see cref="Diagnosis.Indices"/> are wrong.</summary>
    ConfinedToColumns,

    /// <summary>Wrong exactly where the input is negative.</summary>
    OnlyWhereNegative,

    /// <summary>Wrong exactly where the input is positive.</summary>
    OnlyWherePositive,
}
