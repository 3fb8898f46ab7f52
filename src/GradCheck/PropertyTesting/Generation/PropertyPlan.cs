using System.Globalization;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using GradCheck.Dims;
using GradCheck.TestMethods;
using MathNet.Numerics.LinearAlgebra;

using GradCheck.Parameters;

namespace GradCheck;

/// <summary>
/// What a test method asks for, read once from its signature: the size symbols its [Shape] annotations share, and how
/// each parameter is drawn. Anything that cannot be generated is rejected here with the parameter named.
/// </summary>
internal sealed class PropertyPlan
{
    private PropertyPlan(MethodInfo method, TestMethodForm form, IReadOnlyList<string> symbols, IReadOnlyList<PropertyParameter> parameters,
        IReadOnlyList<SizeRequirement> requirements)
    {
        Method = method;
        Form = form;
        Symbols = symbols;
        Parameters = parameters;
        Requirements = requirements;
    }

    public MethodInfo Method { get; }

    /// <summary>Whether the method returns a <see cref="Differentiable"/> for the runner to check or checks itself.</summary>
    public TestMethodForm Form { get; }

    /// <summary>The size symbols in order of first appearance; a sample holds one size per symbol, in this order.</summary>
    public IReadOnlyList<string> Symbols { get; }

    public IReadOnlyList<PropertyParameter> Parameters { get; }

    /// <summary>The method's [Require] relations between sizes.</summary>
    public IReadOnlyList<SizeRequirement> Requirements { get; }

    /// <summary>
    /// Why no sample can have these sizes — a derived dim below 1 ("L-K+1" with L &lt; K) or an unmet [Require] — as the
    /// discard reason counted; null when they are fine.
    /// </summary>
    public string? Unsatisfied(int[] sizes)
    {
        // The user's own relations first: a sample they rule out is counted under their reason.
        if (Requirements.FirstOrDefault(r => !r.HoldsAt(sizes, Symbols)) is { } unmet) return unmet.DiscardReason;
        return Parameters.Select(p => p.DimBelowOne(sizes)).FirstOrDefault(d => d is not null) is { } belowOne
            ? $"a derived size below 1 ({belowOne} < 1)"
            : null;
    }

    public static PropertyPlan Read(MethodInfo method, PropertyOptions options)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.ContainsGenericParameters)
            throw new PropertyDefinitionException($"The test method '{method.Name}' is generic; give it concrete parameter types.");
        var arbitraries = options.Arbitrary.Reverse().Aggregate(ArbMap.Default, (map, type) => map.Merge(type));
        var symbols = new List<string>();
        var form = FormOf(method);
        var defaultDomain = PropertyDefaults.Domain(method);
        var parameters = method.GetParameters().Select(p => ReadParameter(p, symbols, arbitraries, defaultDomain)).ToList();
        var requirements = method.GetCustomAttributes<RequireAttribute>(inherit: true).Select(r => SizeRequirement.Read(r.Relation, symbols)).ToList();
        return new PropertyPlan(method, form, symbols, parameters, requirements);
    }

    private static PropertyParameter ReadParameter(ParameterInfo parameter, List<string> symbols, IArbMap arbitraries, ValueDomain defaultDomain)
    {
        var name = parameter.Name ?? $"arg{parameter.Position}";
        var type = parameter.ParameterType;
        if (type.IsByRef || parameter.IsOut)
            throw new PropertyDefinitionException($"Parameter '{name}' is passed by reference; a gradient property draws its arguments by value.");

        var domains = parameter.GetCustomAttributes<ValueDomainAttribute>(inherit: true).ToList();
        if (domains.Count > 1)
            throw new PropertyDefinitionException($"Parameter '{name}' has {domains.Count} value-domain attributes; use one.");
        var domain = domains.Count == 1 ? DomainOf(domains[0], name) : defaultDomain;
        var isConstant = parameter.IsDefined(typeof(ConstantAttribute), inherit: true);
        var shape = parameter.GetCustomAttribute<ShapeAttribute>(inherit: true);

        if (type == typeof(Matrix<double>) || type == typeof(Vector<double>) || type == typeof(Matrix<float>) || type == typeof(Vector<float>))
        {
            var kind = type == typeof(Matrix<double>) || type == typeof(Matrix<float>) ? PropertyParameterKind.Matrix : PropertyParameterKind.Vector;
            return new PropertyParameter
            {
                Parameter = parameter, Kind = kind, Domain = domain, IsConstant = isConstant,
                Precision = type.GetGenericArguments()[0] == typeof(float) ? ElementPrecision.Single : ElementPrecision.Double,
                Dims = DimsOf(shape, kind, name, symbols), Symbols = symbols,
            };
        }

        if (type == typeof(Scalar))
        {
            if (shape is not null)
                throw new PropertyDefinitionException($"Parameter '{name}' has [Shape] but is a Scalar, which has no dims.");
            return new PropertyParameter { Parameter = parameter, Kind = PropertyParameterKind.Scalar, Domain = domain, IsConstant = isConstant };
        }

        if (IsMathNetTensor(type))
            throw new PropertyDefinitionException(
                $"Parameter '{name}' is a {TypeName(type)}; gradient properties draw matrices and vectors of double or float only.");
        if (shape is not null)
            throw new PropertyDefinitionException($"Parameter '{name}' has [Shape] but is a {TypeName(type)}, not a matrix or vector of double or float.");
        if (isConstant)
            throw new PropertyDefinitionException(
                $"Parameter '{name}' is marked [Constant] but is a {TypeName(type)}; only matrices, vectors and Scalars are differentiated.");

        if (type == typeof(double))
            return new PropertyParameter { Parameter = parameter, Kind = PropertyParameterKind.Scalar, Domain = domain };
        if (domains.Count == 1)
            throw new PropertyDefinitionException(
                $"Parameter '{name}' has a value-domain attribute but is a {TypeName(type)}; domains apply to doubles, matrices and vectors.");

        Arbitrary<object> arbitrary;
        try
        {
            arbitrary = arbitraries.ArbFor(type);
            _ = arbitrary.Generator; // FsCheck resolves lazily for some types: fail here, naming the parameter
        }
        catch (Exception e)
        {
            throw new PropertyDefinitionException(
                $"Parameter '{name}' of type {TypeName(type)} cannot be generated: FsCheck has no Arbitrary for it ({e.GetType().Name}: {e.Message}). " +
                "Register one with the Arbitrary setting, or take a Matrix<double>/Vector<double> with [Shape].");
        }

        return new PropertyParameter { Parameter = parameter, Kind = PropertyParameterKind.Other, Arbitrary = arbitrary };
    }

    private static TestMethodForm FormOf(MethodInfo method)
    {
        var type = method.ReturnType;
        var generic = type.IsConstructedGenericType ? type.GetGenericTypeDefinition() : null;
        var argument = generic is not null && type.GenericTypeArguments.Length == 1 ? type.GenericTypeArguments[0].FullName : null;
        var form = TestMethodForms.Classify((generic ?? type).FullName ?? type.Name, argument);
        return form != TestMethodForm.Unsupported
            ? form
            : throw new PropertyDefinitionException($"The test method '{method.Name}' returns {TypeName(type)}; {TestMethodForms.Accepted}.");
    }

    private static ValueDomain DomainOf(ValueDomainAttribute attribute, string name)
    {
        try
        {
            return attribute.Domain;
        }
        catch (PropertyDefinitionException e)
        {
            throw new PropertyDefinitionException($"Parameter '{name}': {e.Message}");
        }
    }

    internal static List<DimExpression> DimsOf(ShapeAttribute? shape, PropertyParameterKind kind, string name, List<string> symbols)
    {
        var expected = kind == PropertyParameterKind.Matrix ? 2 : 1;
        if (shape?.Problem is { } problem) throw new PropertyDefinitionException($"Parameter '{name}' has {problem}.");
        // Without [Shape], each dim is a size of its own, named after the parameter.
        var dims = shape is null
            ? (kind == PropertyParameterKind.Matrix
                ? [DimExpression.Symbol($"{name}.rows"), DimExpression.Symbol($"{name}.columns")]
                : [DimExpression.Symbol($"{name}.length")])
            : shape.Dims.Select(text => DimExpression.Parse(text, out var problem)
                ?? throw new PropertyDefinitionException($"Parameter '{name}' has the dim \"{text}\" in its [Shape], which {problem}.")).ToList();
        if (dims.Count != expected)
            throw new PropertyDefinitionException(
                $"Parameter '{name}' is a {(kind == PropertyParameterKind.Matrix ? "Matrix<double>" : "Vector<double>")} but its [Shape] has " +
                $"{dims.Count} dim{(dims.Count == 1 ? "" : "s")} ({string.Join(", ", shape!.Dims.Select(d => $"\"{d}\""))}); it needs {expected}.");

        foreach (var symbol in dims.SelectMany(d => d.IsSymbol ? [d.ToString()] : d.Symbols))
            if (!symbols.Contains(symbol)) symbols.Add(symbol);
        return dims;
    }

    private static bool IsMathNetTensor(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Matrix<>) || type.GetGenericTypeDefinition() == typeof(Vector<>)) ||
        type.Namespace?.StartsWith("MathNet.Numerics.LinearAlgebra", StringComparison.Ordinal) == true;

    internal static string TypeName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;
}
