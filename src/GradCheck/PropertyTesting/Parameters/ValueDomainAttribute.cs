namespace GradCheck.Parameters;

/// <summary>
/// Restricts the values drawn for a matrix, vector or <see cref="double"/> parameter of a gradient property, for
/// functions defined or differentiable only on part of the line (log, sqrt, a kink). One per parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public abstract class ValueDomainAttribute : Attribute
{
    internal abstract ValueDomain Domain { get; }
}
