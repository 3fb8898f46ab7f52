namespace GradCheck.Parameters;

/// <summary>
/// Restricts the values drawn for a matrix, vector or <see cref="double"/> parameter of a gradient property, for
/// functions defined or differentiable only on part of the line (log, sqrt, a kink). One per parameter; on a class or an
/// assembly, the default for every drawn parameter of its properties that has none of its own.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, AllowMultiple = false,
    Inherited = true)]
public abstract class ValueDomainAttribute : Attribute
{
    internal abstract ValueDomain Domain { get; }
}
