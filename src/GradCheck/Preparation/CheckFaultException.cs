namespace GradCheck;

/// <summary>Carries a <see cref="CheckFault"/> from deep in a check to the place that turns it into a result.</summary>
internal sealed class CheckFaultException(CheckFault fault) : Exception(fault.Message, fault.Exception)
{
    public CheckFault Fault { get; } = fault;
}
