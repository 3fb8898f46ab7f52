using System.Collections.Immutable;
using GradCheck.Analyzers.Model;

namespace GradCheck.Analyzers.Transfers;

/// <summary>What a shape transfer says about one call: the result's shape and what the call needs of its operands.</summary>
internal readonly struct TransferResult
{
    private readonly ImmutableArray<Requirement> requirements;

    public TransferResult(Shape? result, ImmutableArray<Requirement> requirements)
    {
        Result = result;
        this.requirements = requirements;
    }

    /// <summary>The result's shape, before the requirements fix any unknown; null when unknown or not a matrix or vector.</summary>
    public Shape? Result { get; }

    /// <summary>What the call needs of its operands (none for <c>default</c>, the unknown result).</summary>
    public ImmutableArray<Requirement> Requirements => requirements.IsDefault ? ImmutableArray<Requirement>.Empty : requirements;

    public static TransferResult Shaped(Shape? result) => new(result, ImmutableArray<Requirement>.Empty);

    public static TransferResult Shaped(Shape? result, Requirement requirement) => new(result, ImmutableArray.Create(requirement));

    public static TransferResult Unknown => default;
}
