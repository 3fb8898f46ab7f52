using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Facts;

/// <summary>
/// The helpers being summarised on the way to the current call, to cut recursion: a call back into one of them makes
/// every summary from that one up unknown (recursive helpers are unknown).
/// </summary>
internal sealed class HelperStack
{
    private readonly List<IMethodSymbol> methods = new();

    private HelperStack()
    {
    }

    /// <summary>The lowest stack index a recursive call reached; int.MaxValue when none did.</summary>
    public int LowestRecursion { get; private set; } = int.MaxValue;

    public static HelperStack Empty => new();

    public int Depth => methods.Count;

    /// <summary>True (and the recursion recorded) when <paramref name="method"/> is already being summarised.</summary>
    public bool IsRecursive(IMethodSymbol method)
    {
        for (var i = 0; i < methods.Count; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(methods[i], method)) continue;
            if (i < LowestRecursion) LowestRecursion = i;
            return true;
        }

        return false;
    }

    public int Push(IMethodSymbol method)
    {
        methods.Add(method);
        return methods.Count - 1;
    }

    /// <summary>Pops the method at <paramref name="index"/>; true when a recursion reached it or below (its summary is unknown).</summary>
    public bool Pop(int index)
    {
        methods.RemoveAt(index);
        var inCycle = LowestRecursion <= index;
        if (LowestRecursion >= index) LowestRecursion = int.MaxValue;
        return inCycle;
    }
}
