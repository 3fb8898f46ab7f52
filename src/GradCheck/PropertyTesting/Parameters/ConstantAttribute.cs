namespace GradCheck.Parameters;

/// <summary>
/// Marks a matrix or vector parameter of a gradient property as not differentiated (labels, masks, targets): it is
/// generated and guarded against mutation, but the backward pass returns no gradient for it.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class ConstantAttribute : Attribute;
