using System.Reflection;
using System.Reflection.Emit;
using GradCheck.Xunit.Tests.Fixtures;
using GradCheck.Xunit.Tests.Infrastructure;

namespace GradCheck.Xunit.Tests;

/// <summary>
/// [PropertyDefaults] and value-domain attributes on a class or an assembly set what every property there draws; the
/// method's own settings override the class's, which override the assembly's, and only settings actually written do.
/// </summary>
public class DefaultsTests
{
    // Fixed samples: how large the sizes get within a few samples is otherwise chance.
    private static PropertyOptions Fixed(PropertyOptions? options = null) =>
        Cancellable.Options((options ?? new PropertyOptions()) with { Replay = "31337,4711" });

    [Fact]
    public void A_classs_defaults_and_domain_apply_to_its_properties()
    {
        var result = GradientProperty.Run(typeof(DefaultsProperties), nameof(DefaultsProperties.Square), Fixed());

        Assert.True(result.Passed, result.Message);
        Assert.Equal(17, result.PassedSamples);
        Assert.Equal(3, result.Statistics.Sizes.Max(s => s.Maximum));
        Assert.InRange(result.Statistics.Value("x").Minimum, 0.5, 1);
    }

    [Fact]
    public void The_methods_own_settings_override_the_classs_and_keep_the_others()
    {
        var result = GradientProperty.Run(typeof(DefaultsProperties), nameof(DefaultsProperties.Square), Fixed(new PropertyOptions { Samples = 40 }));
        var larger = GradientProperty.Run(typeof(DefaultsProperties), nameof(DefaultsProperties.Square),
            Fixed(new PropertyOptions { Samples = 40, MaxDimension = 8 }));

        Assert.True(result.Passed, result.Message);
        Assert.Equal(40, result.PassedSamples);
        Assert.Equal(3, result.Statistics.Sizes.Max(s => s.Maximum)); // the class's MaxDimension
        Assert.Equal(PropertyVerdict.Failed, larger.Verdict);            // the method's: sizes above 3 reach the assertion in the method
        Assert.Contains("Assert.InRange() Failure", larger.Message);
    }

    [Fact]
    public void A_setting_written_with_the_built_in_default_value_still_overrides()
    {
        var result = GradientProperty.Run(typeof(DefaultsProperties), nameof(DefaultsProperties.Square),
            Cancellable.Options(new PropertyOptions { Samples = PropertyOptions.Default.Samples }));

        Assert.Equal(100, result.PassedSamples);
    }

    [Fact]
    public void A_parameters_own_domain_overrides_the_classs()
    {
        var result = GradientProperty.Run(typeof(DefaultsProperties), nameof(DefaultsProperties.SquareOfNegatives), Cancellable.Options());

        Assert.True(result.Passed, result.Message);
        Assert.True(result.Statistics.Value("x").Maximum <= -0.5);
    }

    [Fact]
    public void A_derived_class_inherits_its_bases_defaults()
    {
        var result = GradientProperty.Run(typeof(DerivedDefaultsProperties), nameof(DerivedDefaultsProperties.Square),
            Fixed(new PropertyOptions { Samples = 30 }));

        Assert.True(result.Passed, result.Message);
        Assert.Equal(2, result.Statistics.Sizes.Max(s => s.Maximum));
    }

    [Fact]
    public void A_lambda_gets_the_defaults_of_the_class_it_is_written_in()
    {
        var result = LambdaInDefaultsClass.Run();

        Assert.True(result.Passed, result.Message);
        Assert.Equal(11, result.PassedSamples);
    }

    [Fact]
    public void The_assemblys_defaults_apply_under_the_classs()
    {
        var withoutClassDefaults = EmitProperty(classDefaults: false);
        var withClassDefaults = EmitProperty(classDefaults: true);

        var fromAssembly = GradientProperty.Run(withoutClassDefaults, "Square", Fixed());
        var fromClass = GradientProperty.Run(withClassDefaults, "Square", Fixed());

        Assert.True(fromAssembly.Passed, fromAssembly.Message);
        Assert.Equal(7, fromAssembly.PassedSamples);                    // Samples from the assembly
        Assert.Equal(2, fromAssembly.Statistics.Size("N").Maximum);      // MaxDimension from the assembly
        Assert.Equal(13, fromClass.PassedSamples);                       // the class's Samples wins
        Assert.Equal(2, fromClass.Statistics.Size("N").Maximum);         // the assembly's MaxDimension stays
    }

    [Fact]
    public void Defaults_that_cannot_work_make_the_property_invalid_naming_the_setting_and_the_class()
    {
        var result = GradientProperty.Run(typeof(BadDefaultsProperties), nameof(BadDefaultsProperties.Square), Cancellable.Options());

        Assert.Equal(PropertyVerdict.Invalid, result.Verdict);
        Assert.Contains("Samples = 0 (from [PropertyDefaults] on class BadDefaultsProperties): it must be at least 1.", result.Message);
    }

    [Fact]
    public void Two_default_domains_on_a_class_make_the_property_invalid_naming_the_class()
    {
        var result = GradientProperty.Run(typeof(TwoDomainsProperties), nameof(TwoDomainsProperties.Square), Cancellable.Options());

        Assert.Equal(PropertyVerdict.Invalid, result.Verdict);
        Assert.Contains("The class TwoDomainsProperties has 2 value-domain attributes", result.Message);
    }

    [Fact]
    public void A_default_domain_that_cannot_be_drawn_makes_the_property_invalid_naming_the_class()
    {
        var result = GradientProperty.Run(typeof(BadDomainProperties), nameof(BadDomainProperties.Square), Cancellable.Options());

        Assert.Equal(PropertyVerdict.Invalid, result.Verdict);
        Assert.Contains("[Between] on the class BadDomainProperties: A value range needs finite bounds with minimum ≤ maximum (got [2, 1]).", result.Message);
    }

    public static Differentiable SquareOfVector(Vector<double> v) => Differentiable.Of(() => v.DotProduct(v), dout => 2 * dout * v);

    // A property in an assembly of its own, so assembly-level defaults can be set without touching this test assembly's.
    private static Type EmitProperty(bool classDefaults)
    {
        var name = $"DefaultsProbe{(classDefaults ? "WithClass" : "")}";
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName(name), AssemblyBuilderAccess.Run);
        assembly.SetCustomAttribute(Defaults(("Samples", 7), ("MaxDimension", 2)));
        var type = assembly.DefineDynamicModule(name).DefineType("Probe", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed);
        if (classDefaults) type.SetCustomAttribute(Defaults(("Samples", 13)));
        var method = type.DefineMethod("Square", MethodAttributes.Public | MethodAttributes.Static, typeof(Differentiable), [typeof(Vector<double>)]);
        method.DefineParameter(1, ParameterAttributes.None, "v")
            .SetCustomAttribute(new CustomAttributeBuilder(typeof(ShapeAttribute).GetConstructor([typeof(string[])])!, [new[] { "N" }]));
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, typeof(DefaultsTests).GetMethod(nameof(SquareOfVector))!);
        il.Emit(OpCodes.Ret);
        return type.CreateType();
    }

    private static CustomAttributeBuilder Defaults(params (string Name, int Value)[] settings) =>
        new(typeof(PropertyDefaultsAttribute).GetConstructor(Type.EmptyTypes)!, [],
            settings.Select(s => typeof(PropertyDefaultsAttribute).GetProperty(s.Name)!).ToArray(), settings.Select(s => (object)s.Value).ToArray());
}

[PropertyDefaults(Samples = 11)]
internal static class LambdaInDefaultsClass
{
    public static PropertyResult Run() =>
        GradientProperty.Run(([Shape("N")] Vector<double> v) => DefaultsTests.SquareOfVector(v), Cancellable.Options());
}
