namespace GradCheck;

/// <summary>Helpers that state shapes where C# has no place for an attribute.</summary>
public static class Shapes
{
    /// <summary>
    /// States the shape of a local matrix or vector for the GradCheck analyzer, e.g. <c>Shapes.Assert(h, "N", "H")</c>
    /// or <c>var h = Shapes.Assert(x * w, "N", "H");</c>. Does nothing at run time and returns <paramref name="value"/>.
    /// </summary>
    /// <typeparam name="T">The value's type, normally <c>Matrix&lt;double&gt;</c> or <c>Vector&lt;double&gt;</c>.</typeparam>
    /// <param name="value">The matrix or vector.</param>
    /// <param name="dims">Its dims, as in <see cref="ShapeAttribute"/>: rows and columns for a matrix, the length for a vector.</param>
    /// <returns><paramref name="value"/>, unchanged.</returns>
    public static T Assert<T>(T value, params string[] dims) => value;
}
