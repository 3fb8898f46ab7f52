using System.Xml.Linq;

namespace GradCheck.Package.Tests.Infrastructure;

/// <summary>
/// Writes a fresh xUnit v3 test project that uses GradCheck only as a package, as a new user's would be: its own
/// NuGet.config (the local feed added to the machine's sources) and its own packages folder, and stub
/// Directory.*.props so nothing of this repository's build (central package management, analyzers) leaks in.
/// </summary>
public static class ConsumerProject
{
    private static readonly string[] TestPackages = ["xunit.v3.mtp-off", "xunit.runner.visualstudio", "Microsoft.NET.Test.Sdk"];

    public static void Write(string directory, string packageVersion, string feed, string packagesFolder)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        // No <clear/>: the machine's own sources (nuget.org or its mirror) still serve MathNet, FsCheck and xUnit.
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packagesFolder}" />
              </config>
              <packageSources>
                <add key="gradcheck-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var testPackages = string.Join("\n", TestPackages.Select(id => $"""    <PackageReference Include="{id}" Version="{CentralVersion(id)}" />"""));
        File.WriteAllText(Path.Combine(directory, "Consumer.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <IsTestProject>true</IsTestProject>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="GradCheck.Xunit" Version="{packageVersion}" />
            {testPackages}
              </ItemGroup>
            </Project>
            """);
        foreach (var source in Directory.GetFiles(RepositoryRoot.Combine("tests", "GradCheck.Package.Tests", "Consumer"), "*.cs"))
            File.Copy(source, Path.Combine(directory, Path.GetFileName(source)));
    }

    /// <summary>The version this repository pins, so the consumer tests with the same xUnit as the repository's tests.</summary>
    private static string CentralVersion(string id) =>
        XDocument.Load(RepositoryRoot.Combine("Directory.Packages.props"))
            .Descendants("PackageVersion").Single(p => (string?)p.Attribute("Include") == id).Attribute("Version")!.Value;
}
