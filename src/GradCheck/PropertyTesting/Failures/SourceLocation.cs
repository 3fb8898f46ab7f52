using System.Reflection;

namespace GradCheck;

/// <summary>Where a test method is in source: a file and a 1-based line, for failure messages and CI annotations.</summary>
/// <param name="FilePath">The path as the compiler recorded it (usually absolute; <c>/_/…</c> in a deterministic CI build).</param>
/// <param name="Line">The 1-based line.</param>
public sealed record SourceLocation(string FilePath, int Line)
{
    /// <summary>
    /// The first line of <paramref name="method"/>'s body, read from its assembly's portable PDB (a side-by-side
    /// <c>.pdb</c> or one embedded in the assembly); null when there are no symbols.
    /// </summary>
    /// <param name="method">The method to locate; an async or iterator method is located by its state machine.</param>
    public static SourceLocation? FromDebugSymbols(MethodInfo method) => PortablePdb.Locate(method);

    /// <summary>
    /// <see cref="FilePath"/> relative to the repository, with forward slashes, as GitHub annotations and readers want
    /// it: relative to <c>GITHUB_WORKSPACE</c> when set and the file is under it, else to the nearest folder above the
    /// file holding <c>.git</c>; a deterministic build's <c>/_/</c> prefix already is the repository root.
    /// </summary>
    /// <param name="environment">Reads an environment variable (pass <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    public string RelativePath(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var path = FilePath.Replace('\\', '/');
        if (path.StartsWith("/_/", StringComparison.Ordinal)) return path[3..];
        if (!Path.IsPathRooted(FilePath)) return path;
        var root = environment("GITHUB_WORKSPACE") is { Length: > 0 } workspace && IsUnder(FilePath, workspace)
            ? workspace
            : RepositoryRoot(FilePath);
        return root is null ? path : Path.GetRelativePath(root, FilePath).Replace('\\', '/');
    }

    private static bool IsUnder(string file, string folder) =>
        !Path.GetRelativePath(folder, file).StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(Path.GetRelativePath(folder, file));

    // `.git` is a folder in a clone and a file in a worktree or submodule.
    private static string? RepositoryRoot(string file)
    {
        for (var folder = Path.GetDirectoryName(file); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            var git = Path.Combine(folder, ".git");
            if (Directory.Exists(git) || File.Exists(git)) return folder;
        }

        return null;
    }

    /// <summary><c>path:line</c>, the path relative to the repository.</summary>
    /// <param name="environment">Reads an environment variable.</param>
    public string ToString(Func<string, string?> environment) => $"{RelativePath(environment)}:{Line}";
}
