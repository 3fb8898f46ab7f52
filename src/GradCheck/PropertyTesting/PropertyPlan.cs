using System.Globalization;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;

namespace GradCheck;

/// <summary>
/// What a test method asks for, read once from its signature: the size symbols its [Shape] annotations share, and how
/// each parameter is drawn. Anything that cannot be generated is rejected here with the parameter named.
/// </summary>
internal sealed class PropertyPlan
{
    private PropertyPlan(MethodInfo method, IReadOnlyList<string> symbols, IReadOnlyList<ParameterSpec> parameters)
    {
        Method = method;
        Symbols = symbols;
        Parameters = parameters;
    }

    public MethodInfo Method { get; }

    /// <summary>The size symbols in order of first appearance; <see cref="Dim.SymbolIndex"/> points here.</summary>
    public IReadOnlyList<string> Symbols { get; }

    public IReadOnlyList<ParameterSpec> Parameters { get; }

    public static PropertyPlan Of(MethodInfo method, GradCheckSettings settings)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.ContainsGenericParameters)
            throw new PropertyDefinitionException($"The test method '{method.Name}' is generic; give it concrete parameter types.");
        var arbitraries = settings.Arbitrary.Reverse().Aggregate(ArbMap.Default, (map, type) => map.Merge(type));
        var symbols = new List<string>();
        var parameters = method.GetParameters().Select(p => Describe(p, symbols, arbitraries)).ToList();
        return new PropertyPlan(method, symbols, parameters);
    }

    private static ParameterSpec Describe(ParameterInfo parameter, List<string> symbols, IArbMap arbitraries)
    {
        var name = parameter.Name ?? $"arg{parameter.Position}";
        var type = parameter.ParameterType;
        if (type.IsByRef || parameter.IsOut)
            throw new PropertyDefinitionException($"Parameter '{name}' is passed by reference; a gradient property draws its arguments by value.");

        var domains = parameter.GetCustomAttributes<ValueDomainAttribute>(inherit: true).ToList();
        if (domains.Count > 1)
            throw new PropertyDefinitionException($"Parameter '{name}' has {domains.Count} value-domain attributes; use one.");
        var domain = domains.Count == 1 ? DomainOf(domains[0], name) : ValueDomain.Default;
        var isConstant = parameter.IsDefined(typeof(ConstantAttribute), inherit: true);
        var shape = parameter.GetCustomAttribute<ShapeAttribute>(inherit: true);

        if (type == typeof(Matrix<double>) || type == typeof(Vector<double>))
        {
            var kind = type == typeof(Matrix<double>) ? ParameterKind.Matrix : ParameterKind.Vector;
            return new ParameterSpec
            {
                Parameter = parameter, Kind = kind, Domain = domain, IsConstant = isConstant,
                Dims = DimsOf(shape, kind, name, symbols),
            };
        }

        if (type == typeof(Scalar))
        {
            if (shape is not null)
                throw new PropertyDefinitionException($"Parameter '{name}' has [Shape] but is a Scalar, which has no dims.");
            return new ParameterSpec { Parameter = parameter, Kind = ParameterKind.Scalar, Domain = domain, IsConstant = isConstant };
        }

        if (IsMathNetTensor(type))
            throw new PropertyDefinitionException(
                $"Parameter '{name}' is a {Describe(type)}; gradient properties draw Matrix<double> and Vector<double> only.");
        if (shape is not null)
            throw new PropertyDefinitionException($"Parameter '{name}' has [Shape] but is a {Describe(type)}, not a Matrix<double> or Vector<double>.");
        if (isConstant)
            throw new PropertyDefinitionException($"Parameter '{name}' is marked [Constant] but is a {Describe(type)}; only matrices, vectors and Scalars are differentiated.");

        if (type == typeof(double))
            return new ParameterSpec { Parameter = parameter, Kind = ParameterKind.Scalar, Domain = domain };
        if (domains.Count == 1)
            throw new PropertyDefinitionException($"Parameter '{name}' has a value-domain attribute but is a {Describe(type)}; domains apply to doubles, matrices and vectors.");

        Arbitrary<object> arbitrary;
        try
        {
            arbitrary = arbitraries.ArbFor(type);
            _ = arbitrary.Generator; // FsCheck resolves lazily for some types: fail here, naming the parameter
        }
        catch (Exception e)
        {
            throw new PropertyDefinitionException(
                $"Parameter '{name}' of type {Describe(type)} cannot be generated: FsCheck has no Arbitrary for it ({e.GetType().Name}: {e.Message}). " +
                "Register one with the Arbitrary setting, or take a Matrix<double>/Vector<double> with [Shape].");
        }

        return new ParameterSpec { Parameter = parameter, Kind = ParameterKind.Other, Arbitrary = arbitrary };
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

    private static List<Dim> DimsOf(ShapeAttribute? shape, ParameterKind kind, string name, List<string> symbols)
    {
        var expected = kind == ParameterKind.Matrix ? 2 : 1;
        // Without [Shape], each dim is a size of its own, named after the parameter.
        var dims = shape?.Dims ?? (kind == ParameterKind.Matrix ? [$"{name}.rows", $"{name}.columns"] : [$"{name}.length"]);
        if (dims.Count != expected)
            throw new PropertyDefinitionException(
                $"Parameter '{name}' is a {(kind == ParameterKind.Matrix ? "Matrix<double>" : "Vector<double>")} but its [Shape] has " +
                $"{dims.Count} dim{(dims.Count == 1 ? "" : "s")} ({string.Join(", ", dims.Select(d => $"\"{d}\""))}); it needs {expected}.");

        var result = new List<Dim>();
        foreach (var dim in dims)
        {
            var text = dim?.Trim() ?? "";
            if (text.Length == 0)
                throw new PropertyDefinitionException($"Parameter '{name}' has an empty dim in its [Shape].");
            if (char.IsAsciiDigit(text[0]) || text[0] == '-')
            {
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
                    throw new PropertyDefinitionException($"Parameter '{name}' has the dim \"{text}\" in its [Shape]; a literal size must be an integer ≥ 1.");
                result.Add(Dim.Fixed(size));
                continue;
            }

            var index = symbols.IndexOf(text);
            if (index < 0)
            {
                symbols.Add(text);
                index = symbols.Count - 1;
            }

            result.Add(Dim.Symbol(index));
        }

        return result;
    }

    private static bool IsMathNetTensor(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Matrix<>) || type.GetGenericTypeDefinition() == typeof(Vector<>)) ||
        type.Namespace?.StartsWith("MathNet.Numerics.LinearAlgebra", StringComparison.Ordinal) == true;

    internal static string Describe(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
        : type.Name;
}
