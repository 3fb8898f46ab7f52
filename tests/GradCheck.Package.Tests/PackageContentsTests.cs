using System.IO.Compression;
using System.Xml.Linq;
using GradCheck.Package.Tests.Infrastructure;

namespace GradCheck.Package.Tests;

/// <summary>What `dotnet pack` puts in the packages: engine, analyzer and code fixes, docs, README, licence, symbols.</summary>
public class PackageContentsTests(PackedConsumer packed, ITestOutputHelper output)
{
    [Fact]
    public void GradCheck_package_carries_the_engine_its_docs_the_analyzer_and_the_code_fixes()
    {
        Step.Succeeded(packed.Pack, "dotnet pack");
        output.WriteLine($"pack: {packed.Pack.Duration.TotalSeconds:F1} s");

        var entries = Entries(packed.PackagePath("GradCheck"));
        foreach (var expected in new[]
                 {
                     "lib/net10.0/GradCheck.dll", "lib/net10.0/GradCheck.xml", "README.md",
                     "analyzers/dotnet/cs/GradCheck.Analyzers.dll", "analyzers/dotnet/cs/GradCheck.CodeFixes.dll",
                 })
            Assert.True(entries.Contains(expected), $"GradCheck.{packed.Version}.nupkg lacks {expected}; it holds:\n{string.Join("\n", entries)}");

        var metadata = Nuspec(packed.PackagePath("GradCheck"));
        Assert.Equal("MIT", Element(metadata, "license").Value);
        Assert.Equal("README.md", Element(metadata, "readme").Value);
        Assert.Equal(packed.Version, Element(metadata, "version").Value);
        // The analyzer ships inside the package; it must not also be a dependency a consumer cannot restore.
        Assert.DoesNotContain(Dependencies(metadata), d => d.Id.StartsWith("GradCheck.", StringComparison.Ordinal));
    }

    [Fact]
    public void Symbols_ship_as_a_snupkg_beside_each_package()
    {
        Step.Succeeded(packed.Pack, "dotnet pack");
        foreach (var id in PackedConsumer.PackedProjects)
        {
            var snupkg = packed.PackagePath(id, "snupkg");
            Assert.True(File.Exists(snupkg), $"No symbols package {Path.GetFileName(snupkg)} in the feed.");
            Assert.Contains($"lib/net10.0/{id}.pdb", Entries(snupkg));
        }
    }

    [Fact]
    public void GradCheck_Xunit_depends_on_GradCheck_with_its_analyzer_flowing_through()
    {
        Step.Succeeded(packed.Pack, "dotnet pack");
        var metadata = Nuspec(packed.PackagePath("GradCheck.Xunit"));

        var gradCheck = Assert.Single(Dependencies(metadata), d => d.Id == "GradCheck");
        Assert.Equal(packed.Version, gradCheck.Version);
        // NuGet's default for a dependency is exclude="Build,Analyzers", which would leave a GradCheck.Xunit user without squiggles.
        Assert.False(gradCheck.Exclude.Contains("Analyzers", StringComparison.OrdinalIgnoreCase),
            $"GradCheck.Xunit's dependency on GradCheck excludes '{gradCheck.Exclude}': the analyzer would not reach its users.");
    }

    private static HashSet<string> Entries(string package)
    {
        Assert.True(File.Exists(package), $"No package {Path.GetFileName(package)} in the feed {Path.GetDirectoryName(package)}.");
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToHashSet();
    }

    private static XElement Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement Element(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name) ?? throw new Xunit.Sdk.XunitException($"The nuspec has no <{name}>:\n{metadata}");

    private static IEnumerable<(string Id, string Version, string Exclude)> Dependencies(XElement metadata) =>
        metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(d => ((string)d.Attribute("id")!, (string)d.Attribute("version")!, (string?)d.Attribute("exclude") ?? ""));
}
