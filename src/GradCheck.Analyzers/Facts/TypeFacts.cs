using System.Collections.Generic;
using GradCheck.Analyzers.Model;
using GradCheck.Dims;
using Microsoft.CodeAnalysis;

namespace GradCheck.Analyzers.Facts;

/// <summary>
/// What the constructors of a type establish for every method of it: the shape of each unannotated matrix or vector
/// field or property (assigned only in constructors and initialisers, or everywhere alike) and the size each int field
/// holds, in terms of object-level size symbols (constructor parameters, named after the [Shape] symbol they define
/// where they define one).
/// </summary>
internal sealed class TypeFacts
{
    private readonly HashSet<ISymbol> unknown;

    public TypeFacts(Dictionary<ISymbol, Shape> shapes, Dictionary<ISymbol, DimExpression> sizes, HashSet<ISymbol> unknown, HashSet<string> codeSymbols)
    {
        Shapes = shapes;
        Sizes = sizes;
        this.unknown = unknown;
        CodeSymbols = codeSymbols;
    }

    /// <summary>Unannotated matrix or vector members with one shape in every method.</summary>
    public IReadOnlyDictionary<ISymbol, Shape> Shapes { get; }

    /// <summary>Int members with one size in every method.</summary>
    public IReadOnlyDictionary<ISymbol, DimExpression> Sizes { get; }

    /// <summary>Whether a member is assigned different or unknowable values: unknown everywhere.</summary>
    public bool IsUnknown(ISymbol member) => unknown.Contains(member);

    /// <summary>The object-level size symbols that come from code (constructor parameters), for renaming on a clash.</summary>
    public IReadOnlyCollection<string> CodeSymbols { get; }

    public static TypeFacts None { get; } = new(
        new Dictionary<ISymbol, Shape>(SymbolEqualityComparer.Default), new Dictionary<ISymbol, DimExpression>(SymbolEqualityComparer.Default),
        new HashSet<ISymbol>(SymbolEqualityComparer.Default), new HashSet<string>());
}
