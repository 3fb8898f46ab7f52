namespace GradCheck;

/// <summary>Why a check could not be carried out: the function or its inputs are unfit, not the gradient wrong.</summary>
public enum FaultKind
{
    /// <summary>An input has no elements, or no input is differentiated.</summary>
    EmptyInput,

    /// <summary>The forward pass threw an exception.</summary>
    ForwardThrew,

    /// <summary>The backward pass threw an exception.</summary>
    BackwardThrew,

    /// <summary>The forward pass produced NaN or infinity.</summary>
    NonFiniteOutput,

    /// <summary>The backward pass produced NaN or infinity.</summary>
    NonFiniteGradient,

    /// <summary>The backward pass returned more or fewer gradients than there are differentiated inputs, or a null one.</summary>
    WrongGradientCount,

    /// <summary>A gradient does not have the shape (or type) of its input.</summary>
    WrongGradientShape,

    /// <summary>Two evaluations of the forward pass at the same inputs gave different outputs.</summary>
    NonDeterministicForward,

    /// <summary>The forward pass changed one of its inputs.</summary>
    ForwardMutatesInput,

    /// <summary>The backward pass changed one of the inputs.</summary>
    BackwardMutatesInput,

    /// <summary>The forward pass returned outputs of different shapes at different inputs.</summary>
    OutputShapeChanged,

    /// <summary>The options or the arguments of the check are invalid.</summary>
    InvalidArgument,

    /// <summary>The forward pass returned an output without elements: there is nothing to compare.</summary>
    EmptyOutput,

    /// <summary>A differentiated input holds NaN or infinity.</summary>
    NonFiniteInput,

    /// <summary>Two inputs are the same tensor or share their storage: perturbing one moves the other.</summary>
    AliasedInputs,

    /// <summary>The outputs are finite but too large for the check to sum: ⟨u, F(x)⟩ overflows.</summary>
    OutputTooLarge,
}
