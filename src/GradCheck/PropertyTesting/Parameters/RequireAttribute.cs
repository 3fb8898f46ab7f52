namespace GradCheck.Parameters;

/// <summary>
/// A relation between the sizes of a gradient property, such as <c>[Require("L >= K")]</c> for a valid convolution:
/// samples whose sizes break it are discarded and counted (FsCheck's <c>==&gt;</c>), and shrinking never proposes them.
/// Each side is a dim as in <see cref="ShapeAttribute"/> (a symbol, a number, or an expression with <c>+ - *</c>); the
/// relation is one of <c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&lt;</c>, <c>==</c>, <c>!=</c>. Relations between
/// values go in the method's body, with <see cref="Sample.Require"/>.
/// </summary>
/// <param name="relation">The relation, such as <c>"L >= K"</c> or <c>"N*C &lt;= 64"</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireAttribute(string relation) : Attribute
{
    /// <summary>The relation, as written.</summary>
    public string Relation { get; } = relation;
}
