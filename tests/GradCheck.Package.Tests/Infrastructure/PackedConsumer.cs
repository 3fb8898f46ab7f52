namespace GradCheck.Package.Tests.Infrastructure;

/// <summary>
/// One pack of GradCheck and GradCheck.Xunit into a local feed (fresh version) and one restore, build and test run of a
/// consumer project that uses them, shared by every test in the assembly: each nested run costs tens of seconds.
/// A step that fails leaves the later ones null; the tests report the failing step's output.
/// </summary>
public sealed class PackedConsumer : IDisposable
{
    public static readonly string[] PackedProjects = ["GradCheck", "GradCheck.Xunit"];

    public string Root { get; } = Directory.CreateTempSubdirectory("gradcheck-package-").FullName;

    /// <summary>A version no earlier run used, so no cache anywhere can already hold it.</summary>
    public string Version { get; } = $"0.1.0-pkgtest.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";

    public string Feed => Path.Combine(Root, "feed");
    public string ConsumerDirectory => Path.Combine(Root, "consumer");

    public ChildProcessRun Pack { get; }
    public ChildProcessRun? Build { get; }
    public ChildProcessRun? Test { get; }

    public PackedConsumer()
    {
        Pack = PackLibraries();
        if (!Pack.Succeeded) return;

        // The packages folder is outside the project directory, or the SDK would glob its .cs files into the build.
        ConsumerProject.Write(ConsumerDirectory, Version, Feed, Path.Combine(Root, "packages"));
        Build = ChildProcess.Run(ConsumerDirectory, "dotnet", "build", TimeSpan.FromMinutes(5));
        if (!Build.Succeeded) return;

        Test = ChildProcess.Run(ConsumerDirectory, "dotnet", "test --no-build --logger \"console;verbosity=normal\"", TimeSpan.FromMinutes(3));
    }

    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    /// <summary>A throw-away solution lists the packable projects, so one `dotnet pack` makes them all.</summary>
    private ChildProcessRun PackLibraries()
    {
        var projects = PackedProjects.Select(name =>
            $"""  <Project Path="{Path.GetRelativePath(Root, RepositoryRoot.Combine("src", name, name + ".csproj"))}" />""");
        File.WriteAllText(Path.Combine(Root, "packages.slnx"), $"<Solution>\n{string.Join("\n", projects)}\n</Solution>\n");
        // Artifacts output keeps this Release build out of the working tree's bin/ and obj/ folders.
        return ChildProcess.Run(Root, "dotnet",
            $"pack packages.slnx -c Release -o \"{Feed}\" -p:Version={Version} " +
            $"-p:UseArtifactsOutput=true -p:ArtifactsPath=\"{Path.Combine(Root, "artifacts")}\"",
            TimeSpan.FromMinutes(5));
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a file still held open: the temp folder is cleaned by the OS */ }
    }
}
