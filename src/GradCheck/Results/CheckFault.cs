namespace GradCheck;

/// <summary>A fault that stopped a check, with the culprit named: which input, which element, which pass.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Message">A sentence naming the culprit.</param>
/// <param name="InputName">The input concerned, when there is one.</param>
/// <param name="Exception">The user's exception, when a pass threw.</param>
public sealed record CheckFault(FaultKind Kind, string Message, string? InputName = null, Exception? Exception = null);
