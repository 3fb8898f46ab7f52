using GradCheck;
using GradCheck.Optimization;

try
{
    OptimizationExample.Run(null, Console.Out);
    return 0;
}
catch (GradientCheckException e)
{
    // The report says which weights' gradients are wrong; minimising with a wrong gradient would mislead silently.
    Console.Error.WriteLine(e.Message);
    return 1;
}
