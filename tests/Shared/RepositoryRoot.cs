namespace GradCheck.TestInfrastructure;

/// <summary>The repository checkout the test assembly was built from, found by walking up to GradCheck.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "GradCheck.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No GradCheck.sln above {AppContext.BaseDirectory}: the tests must run from a build inside the repository.");
    }
}
