using BenchmarkDotNet.Attributes;

namespace DataChallenge.Scoring.Benchmarks;

/// <summary>
/// Scoring a shuffled binary submission in memory, against counting its lines (the floor any reader must pay).
/// The bootstrap interval is off, as in the comparison with pandas.
/// </summary>
[MemoryDiagnoser]
public class ScorerBenchmarks
{
    private byte[] _labels = [];
    private byte[] _predictions = [];
    private ScoringConfig _config = null!;
    private readonly ScoreOptions _options = new() { BootstrapResamples = 0 };

    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_labels, _predictions) = BenchmarkCases.Binary(Rows);
        _config = ScoringConfig.Parse(BenchmarkCases.BinaryConfig);
    }

    [Benchmark(Baseline = true)]
    public int CountLines() => _labels.AsSpan().Count((byte)'\n') + _predictions.AsSpan().Count((byte)'\n');

    [Benchmark]
    public double? ScoreRocAuc()
        => Scorer.Score(new MemoryStream(_labels), new MemoryStream(_predictions), _config, _options).Metrics["roc_auc"].Value;
}
