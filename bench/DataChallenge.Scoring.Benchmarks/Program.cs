using BenchmarkDotNet.Running;
using DataChallenge.Scoring.Benchmarks;

// `generate DIR [SCALE]` writes the benchmark cases' files; anything else runs BenchmarkDotNet.
if (args is ["generate", var folder, ..])
{
    var scale = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1.0;
    BenchmarkCases.WriteAll(folder, scale);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ScorerBenchmarks).Assembly).Run(args);
return 0;
