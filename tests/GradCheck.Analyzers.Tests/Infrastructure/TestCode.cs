namespace GradCheck.Analyzers.Tests.Infrastructure;

/// <summary>Sources every analyzed snippet compiles with.</summary>
internal static class TestCode
{
    /// <summary>
    /// The annotation contract as the GradCheck library declares it, plus the Shapes.Assert helper. Declared in source
    /// so the tests do not depend on the engine's build; the analyzer matches them by metadata name either way.
    /// </summary>
    public const string Contract = """
        namespace GradCheck
        {
            [System.AttributeUsage(
                System.AttributeTargets.Parameter | System.AttributeTargets.Field | System.AttributeTargets.Property | System.AttributeTargets.ReturnValue)]
            public sealed class ShapeAttribute : System.Attribute
            {
                public ShapeAttribute(params string[] dims) { }
                public ShapeAttribute(params object[] dims) { }
            }

            public static class Shapes
            {
                public static T Assert<T>(T value, params string[] dims) => value;
            }
        }
        """;

    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using MathNet.Numerics.LinearAlgebra;
        using GradCheck;

        """;

    /// <summary>Wraps members in a class C with the usual usings.</summary>
    public static string InClass(string members) => Usings + "public class C\n{\n" + members + "\n}\n";
}
