using BenchmarkDotNet.Running;
using GradCheck.Bench;

// dotnet run -c Release --project bench/GradCheck.Bench -- --quick            every figure beside PyTorch's, one run (about 5 min)
// dotnet run -c Release --project bench/GradCheck.Bench -- --quick --no-peer  this side only
// dotnet run -c Release --project bench/GradCheck.Bench -- --peer-inputs DIR  only write the peer's inputs (to run it alone)
// dotnet run -c Release --project bench/GradCheck.Bench -- --filter '*'       BenchmarkDotNet, this side's rigorous figures
// dotnet run -c Release --project bench/GradCheck.Bench -- --counts [--full] forward evaluations per workload (deterministic)
if (args.Contains("--counts"))
{
    Counts.Run(includeFull: args.Contains("--full"));
    return;
}

if (args.Contains("--quick"))
{
    QuickReport.Run(withPeer: !args.Contains("--no-peer"));
    return;
}

var peerInputs = Array.IndexOf(args, "--peer-inputs");
if (peerInputs >= 0 && peerInputs + 1 < args.Length)
{
    PeerInputs.Write(args[peerInputs + 1], new Scenarios(), new LargeScenario());
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Scenarios).Assembly).Run(args);
