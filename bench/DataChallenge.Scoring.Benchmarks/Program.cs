using BenchmarkDotNet.Running;
using DataChallenge.Scoring.Benchmarks;

// `generate DIR [SCALE]` writes the benchmark cases' files; `profile` times each stage; `intervals` and `finalists`
// time the intervals and the paired comparison; anything else runs BenchmarkDotNet.
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

static int Arg(string[] args, int index, int fallback)
    => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;

if (args is ["intervals", var intervalFolder, ..])
{
    IntervalCost.Run(intervalFolder, Arg(args, 2, 10_000_000), Arg(args, 3, 3));
    return 0;
}

if (args is ["finalists", ..])
{
    FinalistComparisonCost.Run(Arg(args, 1, 20), Arg(args, 2, 1000), Arg(args, 3, 100_000), args.Length > 4 ? args[4] : "roc_auc");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ScorerBenchmarks).Assembly).Run(args);
return 0;
