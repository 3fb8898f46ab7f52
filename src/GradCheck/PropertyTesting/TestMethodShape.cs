using System.Reflection;

namespace GradCheck;

/// <summary>The forms a test method may take: return a <see cref="Differentiable"/> for the runner to check, or check itself.</summary>
internal enum TestMethodShape
{
    /// <summary>Returns a Differentiable (directly, or from a Task/ValueTask).</summary>
    ReturnsDifferentiable,

    /// <summary>Returns void, Task or ValueTask and calls the engine itself; an exception fails the sample.</summary>
    ChecksItself,
}

/// <summary>Classifies a method's return type.</summary>
internal static class TestMethodShapes
{
    public static TestMethodShape Of(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type == typeof(Differentiable) || type == typeof(Task<Differentiable>) || type == typeof(ValueTask<Differentiable>))
            return TestMethodShape.ReturnsDifferentiable;
        if (type == typeof(void) || type == typeof(Task) || type == typeof(ValueTask))
            return TestMethodShape.ChecksItself;
        throw new PropertyDefinitionException(
            $"The test method '{method.Name}' returns {PropertyPlan.Describe(type)}; a gradient property returns Differentiable " +
            "(checked by the runner), or void/Task/ValueTask (checking itself, for example with GradientCheck.Assert).");
    }
}
