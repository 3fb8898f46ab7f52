namespace GradCheck;

/// <summary>One dim of a generated matrix or vector: a shared size symbol (by index) or a fixed integer literal.</summary>
internal readonly record struct Dim(int SymbolIndex, int Literal)
{
    public static Dim Symbol(int index) => new(index, 0);

    public static Dim Fixed(int size) => new(-1, size);

    public bool IsSymbol => SymbolIndex >= 0;

    public int Resolve(IReadOnlyList<int> symbolSizes) => IsSymbol ? symbolSizes[SymbolIndex] : Literal;
}
