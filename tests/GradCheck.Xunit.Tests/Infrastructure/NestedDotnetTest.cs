
namespace GradCheck.Xunit.Tests.Infrastructure;

/// <summary>Runs `dotnet test` on the deliberately failing fixture project, with its TRX file in a scratch folder.</summary>
public sealed class NestedDotnetTest : IDisposable
{
    private static readonly string Project = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../FailingFixture/FailingFixture.csproj"));

    public NestedDotnetTest() => BuildOutput = Execute($"build \"{Project}\"").Output;

    public string ResultsDirectory { get; } = Directory.CreateTempSubdirectory("gradcheck-nested-").FullName;

    /// <summary>The one build of the fixture project; the runs reuse it.</summary>
    public string BuildOutput { get; }

    /// <param name="arguments">Extra `dotnet test` arguments.</param>
    /// <param name="trxName">The TRX file's name.</param>
    /// <param name="environment">Variables set on the nested run only (this process's environment is left alone).</param>
    public (int ExitCode, string Console, string Trx) Run(string arguments, string trxName, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exitCode, output) = Execute(
            $"test \"{Project}\" --no-build {arguments} --logger \"trx;LogFileName={trxName}\" --logger \"console;verbosity=normal\" " +
            $"--results-directory \"{ResultsDirectory}\"",
            environment);
        var trx = Path.Combine(ResultsDirectory, trxName);
        return (exitCode, output, File.Exists(trx) ? File.ReadAllText(trx) : "");
    }

    /// <summary>`dotnet test --list-tests`: what test explorers and runners discover.</summary>
    public string ListTests() => Execute($"test \"{Project}\" --no-build --list-tests").Output;

    private static (int ExitCode, string Output) Execute(string arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var run = ChildProcess.Run(Environment.CurrentDirectory, "dotnet", arguments, TimeSpan.FromMinutes(3), environment);
        return (run.ExitCode, run.Output);
    }

    public void Dispose() => Directory.Delete(ResultsDirectory, recursive: true);
}
