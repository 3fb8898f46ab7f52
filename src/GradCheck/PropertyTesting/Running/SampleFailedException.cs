namespace GradCheck;

/// <summary>What a sample's failure looks like to FsCheck when the property runs under FsCheck's own runner.</summary>
internal sealed class SampleFailedException(string message, Exception? inner) : Exception(message, inner);
