namespace GradCheck.Analyzers.Tests.Layers;

/// <summary>One planted bug in a layer: the correct line and the buggy line that replaces it.</summary>
/// <param name="Layer">The layer's name in <see cref="UnannotatedLayers"/>.</param>
/// <param name="Name">What the bug is, as a reviewer would call it.</param>
/// <param name="Correct">A line of the correct layer (must occur exactly once).</param>
/// <param name="Buggy">The line with the bug.</param>
/// <param name="FoundUnannotated">Whether the analyzer proves it with no annotation (else only with the layer's annotations).</param>
public sealed record PlantedBug(string Layer, string Name, string Correct, string Buggy, bool FoundUnannotated)
{
    public override string ToString() => $"{Layer}: {Name}";
}
