using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;

namespace GradCheck;

/// <summary>Finds a method's first source line in its assembly's portable PDB (read only when a test fails, so not cached).</summary>
internal static class PortablePdb
{
    public static SourceLocation? Locate(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        // An async or iterator method's body, and so its sequence points, live in the compiler's MoveNext.
        var body = method.GetCustomAttribute<StateMachineAttribute>()?.StateMachineType
            .GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) ?? method;
        var assemblyPath = body.Module.Assembly.Location;
        if (string.IsNullOrEmpty(assemblyPath) || !File.Exists(assemblyPath)) return null;
        try
        {
            using var pe = new PEReader(File.OpenRead(assemblyPath));
            if (!pe.TryOpenAssociatedPortablePdb(assemblyPath, OpenIfExists, out var provider, out _) || provider is null) return null;
            using (provider)
            {
                var pdb = provider.GetMetadataReader();
                var handle = (MethodDefinitionHandle)MetadataTokens.EntityHandle(body.MetadataToken);
                foreach (var point in pdb.GetMethodDebugInformation(handle).GetSequencePoints())
                {
                    if (!point.IsHidden) return new SourceLocation(pdb.GetString(pdb.GetDocument(point.Document).Name), point.StartLine);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException or ArgumentException)
        {
            // No usable symbols: the message simply goes without a location.
        }

        return null;
    }

    private static Stream? OpenIfExists(string path) => File.Exists(path) ? File.OpenRead(path) : null;
}
