namespace GradCheck;

/// <summary>The test method or its settings cannot be run as a property; the message names the culprit.</summary>
internal sealed class PropertyDefinitionException(string message) : Exception(message);
