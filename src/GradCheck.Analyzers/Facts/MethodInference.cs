using System.Collections.Generic;
using System.Collections.Immutable;
using GradCheck.Analyzers.Facts.Findings;
using GradCheck.Analyzers.Model;
using GradCheck.Analyzers.Symbols;
using GradCheck.Analyzers.Transfers;
using GradCheck.Dims;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace GradCheck.Analyzers.Facts;

/// <summary>
/// The inference pass over one body: walks it in source order with the shape of every local at each point
/// (flow-sensitive: branches are joined, loops widened), fixes the unknown sizes of unannotated values by their uses,
/// and collects findings (facts the rules turn into diagnostics). It reports nothing itself.
/// </summary>
internal sealed partial class MethodInference : IOperandShapes
{
    private const int MaxDepth = 200;

    private readonly ShapeContext context;
    private readonly ISymbol owner;
    private readonly INamedTypeSymbol? containingType;
    private readonly InferenceMode mode;
    private readonly HelperStack stack;
    private readonly SizeSolver solver = new();
    private readonly List<Finding> findings = new();
    private readonly Dictionary<SyntaxNode, ProductMismatch> productFindings = new();
    private readonly HashSet<IOperation> reported = new();
    private readonly HashSet<ISymbol> untracked = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<string, string> objectRenames = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, DimExpression> definedTypeSymbols = new(System.StringComparer.Ordinal);
    private readonly TypeFacts? givenFacts;
    private TypeFacts? typeFactsValue;
    private ImmutableHashSet<string>? typeLevelSymbolsValue;
    private LocalState state = new();
    private int silent;
    private int depth;

    private MethodInference(ShapeContext context, ISymbol owner, InferenceMode mode, HelperStack stack, TypeFacts? facts = null)
    {
        this.context = context;
        this.owner = owner;
        this.mode = mode;
        this.stack = stack;
        containingType = owner.ContainingType;
        givenFacts = facts;
        InitializeParameters();
    }

    private KnownSymbols Types => context.Types;

    /// <summary>Whether the type-level [Shape] symbols are being defined here (constructors and initialisers).</summary>
    private bool DefinesTypeSymbols =>
        mode == InferenceMode.Constructor
        || owner is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }
        || owner is IFieldSymbol or IPropertySymbol && mode == InferenceMode.Report;

    /// <summary>The findings of a method body (or initializer) for the rules.</summary>
    /// <param name="context">What the compilation's analyses share.</param>
    /// <param name="owner">The method, accessor, field or property the blocks belong to.</param>
    /// <param name="blocks">The operation blocks.</param>
    /// <param name="mayCapture">False when the code has no lambda, local function, ref or out (then no local needs untracking).</param>
    public static IReadOnlyList<Finding> FindingsOf(ShapeContext context, ISymbol owner, ImmutableArray<IOperation> blocks, bool mayCapture = true)
    {
        var inference = new MethodInference(context, owner, InferenceMode.Report, HelperStack.Empty);
        if (mayCapture) inference.MarkUntracked(blocks);
        foreach (var block in blocks) inference.Visit(block);
        return inference.findings;
    }

    /// <summary>Records the locals a lambda or local function assigns: their value at a point cannot be known.</summary>
    private void MarkUntracked(ImmutableArray<IOperation> blocks)
    {
        // One walk, each operation knowing whether it is inside a lambda or local function (walking each function's
        // descendants again would visit nested functions once per enclosing one).
        var pending = untrackedWalk ??= new Stack<(IOperation Operation, bool InFunction)>();
        pending.Clear();
        foreach (var block in blocks)
            if (block is not null) pending.Push((block, false));
        while (pending.Count > 0)
        {
            var (operation, inFunction) = pending.Pop();
            if (inFunction && AssignedSymbol(operation) is { } assigned) untracked.Add(assigned);
            if (operation is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument && LocalOrParameter(argument.Value) is { } target)
                untracked.Add(target);
            var childrenInFunction = inFunction || operation is IAnonymousFunctionOperation or ILocalFunctionOperation;
            foreach (var child in operation.ChildOperations) pending.Push((child, childrenInFunction));
        }
    }

    /// <summary>The walk of <see cref="MarkUntracked"/>, one per thread (the walk calls nothing that walks again).</summary>
    [System.ThreadStatic]
    private static Stack<(IOperation Operation, bool InFunction)>? untrackedWalk;

    private static ISymbol? AssignedSymbol(IOperation operation) => operation switch
    {
        IAssignmentOperation assignment => LocalOrParameter(assignment.Target),
        IIncrementOrDecrementOperation increment => LocalOrParameter(increment.Target),
        _ => null,
    };

    private static ISymbol? LocalOrParameter(IOperation? operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IDeclarationExpressionOperation declaration => LocalOrParameter(declaration.Expression),
        _ => null,
    };

    private void InitializeParameters()
    {
        if (owner is not IMethodSymbol method) return;
        var methodLevelNames = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var parameter in method.Parameters)
        {
            if (IsSize(parameter.Type)) methodLevelNames.Add(parameter.Name);
            if (context.AnnotationOf(parameter)?.Shape is { } annotated)
                foreach (var dim in annotated.Dims)
                    if (dim is not null) methodLevelNames.UnionWith(dim.Symbols);
        }

        this.methodLevelNames = methodLevelNames;

        foreach (var name in methodLevelNames)
            if (!TypeLevelSymbols.Contains(name) && !IsIntParameter(method, name)) solver.AddAliasable(name);
        if (context.ReturnAnnotationOf(method)?.Shape is { } returned)
            foreach (var dim in returned.Dims)
                if (dim is not null)
                    foreach (var name in dim.Symbols)
                        if (!TypeLevelSymbols.Contains(name) && !IsIntParameter(method, name)) solver.AddAliasable(name);

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind == RefKind.Out) continue;
            if (IsSize(parameter.Type))
            {
                state.SetSize(parameter, DimExpression.Symbol(parameter.Name));
                continue;
            }

            if (!Types.IsMatrixOrVector(parameter.Type)) continue;
            var declared = context.AnnotationOf(parameter)?.Shape;
            state.SetShape(parameter, declared is not null ? InScope(declared) : solver.NewShape(parameter.Name, Types.IsMatrix(parameter.Type)));
        }
    }

    private static bool IsIntParameter(IMethodSymbol method, string name)
    {
        foreach (var parameter in method.Parameters)
            if (parameter.Name == name && IsSize(parameter.Type)) return true;
        return false;
    }

    // Set by InitializeParameters for a method; a field's or property's initializer has none.
    private HashSet<string> methodLevelNames = NoNames;

    private static readonly HashSet<string> NoNames = new(System.StringComparer.Ordinal);

    /// <summary>The size symbols of the type's annotated fields and properties (looked up on first use: most code has none).</summary>
    private ImmutableHashSet<string> TypeLevelSymbols => typeLevelSymbolsValue ??= context.TypeLevelSymbols(containingType);

    /// <summary>
    /// What the constructors of this type establish, worked out on first use (most bodies never read an unannotated
    /// member of their object): its object-level symbols are renamed where they clash with this body's.
    /// </summary>
    private TypeFacts ObjectFacts
    {
        get
        {
            if (typeFactsValue is { } known) return known;
            var facts = givenFacts ?? (mode is InferenceMode.Constructor ? TypeFacts.None : context.FactsOf(containingType));
            foreach (var name in facts.CodeSymbols)
            {
                if (methodLevelNames.Contains(name)) objectRenames[name] = "this." + name;
                solver.AddObjectLevel(objectRenames.TryGetValue(name, out var renamed) ? renamed : name);
            }

            typeFactsValue = facts;
            return facts;
        }
    }

    /// <summary>True for the integer types a size is held in.</summary>
    private static bool IsSize(ITypeSymbol? type) => type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;

    /// <summary>
    /// A declared shape as seen from this body: in a constructor or initializer the type-level [Shape] symbols are being
    /// defined (unknowns fixed by the allocations, not by literals); elsewhere they are size symbols.
    /// </summary>
    private Shape InScope(Shape declared)
    {
        if (!DefinesTypeSymbols) return declared;
        return declared.With(dim => dim?.Substitute(symbol => TypeLevelSymbols.Contains(symbol) ? DefinedTypeSymbol(symbol) : null));
    }

    private DimExpression DefinedTypeSymbol(string symbol)
    {
        if (!definedTypeSymbols.TryGetValue(symbol, out var unknown))
            definedTypeSymbols[symbol] = unknown = solver.NewUnknown(symbol, "", fixedByLiterals: false);
        return unknown;
    }

    /// <summary>A fact of this type's constructors, with object-level symbols renamed where they clash with this body's.</summary>
    private Shape? FromTypeFacts(Shape shape) =>
        objectRenames.Count == 0
            ? shape
            : shape.With(dim => dim?.Substitute(s => objectRenames.TryGetValue(s, out var renamed) ? DimExpression.Symbol(renamed) : null));

    private DimExpression? FromTypeFacts(DimExpression size) =>
        objectRenames.Count == 0 ? size : size.Substitute(s => objectRenames.TryGetValue(s, out var renamed) ? DimExpression.Symbol(renamed) : null);

    private void AddFinding(Finding finding, IOperation operation)
    {
        reported.Add(operation);
        if (silent > 0 || mode != InferenceMode.Report) return;
        findings.Add(finding);
        if (finding is ProductMismatch product) productFindings[finding.Syntax] = product;
    }

    /// <inheritdoc/>
    public bool IsMatrixOrVector(ITypeSymbol? type) => Types.IsMatrixOrVector(type);

    /// <inheritdoc/>
    public bool IsVector(ITypeSymbol? type) => Types.IsVector(type);

    /// <summary>
    /// The operands the transfer of the current MathNet call has read (from <see cref="readsStart"/> on): a transfer may
    /// read one twice, its evaluation (and its findings) happens once. Nested calls stack their reads after these.
    /// </summary>
    private readonly List<(IOperation Operand, Shape? Shape, DimExpression? Size, bool IsSize)> reads = new();
    private int readsStart;

    /// <inheritdoc/>
    public Shape? ShapeOf(IOperation? operand)
    {
        if (operand is null) return null;
        for (var i = readsStart; i < reads.Count; i++)
            if (ReferenceEquals(reads[i].Operand, operand) && !reads[i].IsSize) return reads[i].Shape;
        var shape = Evaluate(operand);
        reads.Add((operand, shape, null, false));
        return shape;
    }

    /// <inheritdoc/>
    public DimExpression? SizeOf(IOperation? operand)
    {
        if (operand is null) return null;
        for (var i = readsStart; i < reads.Count; i++)
            if (ReferenceEquals(reads[i].Operand, operand) && reads[i].IsSize) return reads[i].Size;
        var size = solver.Resolve(EvaluateSize(operand));
        reads.Add((operand, null, size, true));
        return size;
    }

    /// <summary>True when the current call's transfer already read the operand.</summary>
    private bool WasRead(IOperation operand)
    {
        for (var i = readsStart; i < reads.Count; i++)
            if (ReferenceEquals(reads[i].Operand, operand)) return true;
        return false;
    }

    /// <summary>Starts the reads of a MathNet call's transfer; returns what <see cref="EndCall"/> restores.</summary>
    private int BeginCall()
    {
        var saved = readsStart;
        readsStart = reads.Count;
        return saved;
    }

    private void EndCall(int saved)
    {
        reads.RemoveRange(readsStart, reads.Count - readsStart);
        readsStart = saved;
    }

    internal static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }
}
