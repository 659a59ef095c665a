using BenchmarkDotNet.Running;
using DataChallenge.Scoring.Benchmarks;

// `generate DIR [SCALE]` writes the benchmark cases' files; `profile` times each stage; anything else runs BenchmarkDotNet.
if (args is ["generate", var folder, ..])
{
    var scale = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1.0;
    BenchmarkCases.WriteAll(folder, scale);
    return 0;
}

if (args is ["profile", var labels, var predictions, var config, ..])
{
    var repeats = int.Parse(Environment.GetEnvironmentVariable("PROFILE_REPEATS") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
    for (var i = 0; i < repeats; i++) StageProfile.Run(labels, predictions, config, args.Length > 4 ? args[4] : null);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ScorerBenchmarks).Assembly).Run(args);
return 0;
