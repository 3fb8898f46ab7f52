using GradCheck.TestInfrastructure;

namespace GradCheck.Tests.Conventions;

/// <summary>The repository's conventions for its own C# sources, where no analyzer checks them.</summary>
public class SourceConventionTests
{
    private const int LongestLine = 160;

    private static readonly string[] SourceFolders = ["src", "tests", "samples", "bench", "build"];

    [Fact]
    public void No_line_of_the_repository_s_csharp_is_longer_than_160_characters()
    {
        var tooLong =
            from folder in SourceFolders
            let root = RepositoryRoot.Combine(folder)
            where Directory.Exists(root)
            from file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            where !IsBuildOutput(file)
            from numbered in File.ReadAllLines(file).Select((line, index) => (Line: line, Number: index + 1))
            where numbered.Line.Length > LongestLine
            select $"{Path.GetRelativePath(RepositoryRoot.Path, file)}:{numbered.Number} ({numbered.Line.Length} characters)";
        Assert.Empty(tooLong);
    }

    private static bool IsBuildOutput(string file)
    {
        var parts = file.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }
}
