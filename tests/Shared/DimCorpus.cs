namespace GradCheck.TestInfrastructure;

/// <summary>
/// Dims as people write them in <c>[Shape]</c>, each with whether it is a size: the analyzer (GC0005) and the
/// <c>[GradCheck]</c> runtime must agree on every one, since both read the one grammar.
/// </summary>
public static class DimCorpus
{
    public static TheoryData<string, bool> Dims { get; } = new()
    {
        { "N", true },
        { "Batch", true },
        { "_n1", true },
        { " N", true },
        { "N ", true },
        { "3", true },
        { "1", true },
        { "N-1", true },
        { "N+1", true },
        { "L-K+1", true },
        { "2*C", true },
        { "N*C", true },
        { "(N+1)*2", true },
        { "In + 1", true },
        { "0", false },
        { "", false },
        { " ", false },
        { "-1", false },
        { "-2", false },
        { "2x", false },
        { "N/2", false },
        { "N-", false },
        { "(N", false },
        { "N)", false },
        { "2.5", false },
        { "N^2", false },
        { "N,M", false },
    };
}
