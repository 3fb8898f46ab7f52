namespace GradCheck;

/// <summary>The test method or its options cannot be run as a property; the message names the culprit.</summary>
internal sealed class PropertyDefinitionException(string message) : Exception(message);
