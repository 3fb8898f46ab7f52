using System.Reflection;
using System.Runtime.CompilerServices;
using GradCheck.Parameters;

namespace GradCheck;

/// <summary>
/// Where a property's settings and default value domain come from: the method's own (the options given), then
/// [PropertyDefaults] and a value-domain attribute on its class (for a lambda, the class it is written in), then on its
/// assembly, then the built-in defaults.
/// </summary>
internal static class PropertyDefaults
{
    /// <summary>The options in effect, and for each setting where it was written (for error messages).</summary>
    public static (PropertyOptions Options, Func<string, string> Origin) Resolve(MethodInfo method, PropertyOptions options)
    {
        var type = UserType(method);
        var layers = new List<(PropertyOptions Options, string Origin)> { (options, "") };
        if (type?.GetCustomAttribute<PropertyDefaultsAttribute>(inherit: true) is { } onClass)
            layers.Add((onClass.Options, $" (from [PropertyDefaults] on class {type.Name})"));
        if (method.Module.Assembly.GetCustomAttribute<PropertyDefaultsAttribute>() is { } onAssembly)
            layers.Add((onAssembly.Options, $" (from [PropertyDefaults] on assembly {method.Module.Assembly.GetName().Name})"));
        var resolved = layers.Skip(1).Aggregate(options, (merged, layer) => merged.Over(layer.Options));
        return (resolved, setting => layers.FirstOrDefault(l => l.Options.WrittenSettings().Contains(setting)).Origin ?? "");
    }

    /// <summary>The default value domain of the method's parameters: a value-domain attribute on its class, else on its assembly.</summary>
    public static ValueDomain Domain(MethodInfo method)
    {
        var type = UserType(method);
        var onClass = type?.GetCustomAttributes<ValueDomainAttribute>(inherit: true).ToList() ?? [];
        var onAssembly = method.Module.Assembly.GetCustomAttributes<ValueDomainAttribute>().ToList();
        var (found, where) = onClass.Count > 0 ? (onClass, $"class {type!.Name}") : (onAssembly, $"assembly {method.Module.Assembly.GetName().Name}");
        if (found.Count == 0) return ValueDomain.Default;
        if (found.Count > 1)
            throw new PropertyDefinitionException($"The {where} has {found.Count} value-domain attributes ({string.Join(", ", found.Select(Name))}); use one.");
        try
        {
            return found[0].Domain;
        }
        catch (PropertyDefinitionException e)
        {
            throw new PropertyDefinitionException($"[{Name(found[0])}] on the {where}: {e.Message}");
        }
    }

    private static string Name(Attribute attribute) => attribute.GetType().Name.Replace("Attribute", "", StringComparison.Ordinal);

    // A lambda's method lives in a compiler-generated class nested in the class it is written in.
    private static Type? UserType(MethodInfo method)
    {
        var type = method.DeclaringType;
        while (type is not null && type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && type.DeclaringType is not null)
            type = type.DeclaringType;
        return type;
    }
}
