using BenchmarkDotNet.Running;
using GradCheck.Bench;

// dotnet run -c Release --project bench/GradCheck.Bench -- --quick     all figures in one run (about a minute)
// dotnet run -c Release --project bench/GradCheck.Bench -- --filter *  BenchmarkDotNet, the rigorous figures
if (args.Contains("--quick"))
{
    QuickReport.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Scenarios).Assembly).Run(args);
