using System.Runtime.InteropServices;

namespace GradCheck.Bench;

/// <summary>What the report's header says about where and when it ran.</summary>
public static class Machine
{
    public static string Description() =>
        $"{CpuModel()}, {Environment.ProcessorCount} logical processors, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";

    public static string DotNet() => RuntimeInformation.FrameworkDescription;

    public static string MathNetProvider() => MathNet.Numerics.Providers.LinearAlgebra.LinearAlgebraControl.Provider.ToString() ?? "provider";

    /// <summary>The 1, 5 and 15 minute load averages: the bench shares the machine, so they qualify every figure.</summary>
    public static string LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(" / ", File.ReadAllText(path).Split(' ').Take(3)) : "unknown";
    }

    private static string CpuModel()
    {
        const string path = "/proc/cpuinfo";
        var modelLine = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return modelLine?[(modelLine.IndexOf(':') + 1)..].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
