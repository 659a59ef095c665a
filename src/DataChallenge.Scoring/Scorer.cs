namespace DataChallenge.Scoring;

/// <summary>Scores a predictions file against a labels file. The same entry point serves the worker and the CLI.</summary>
public static class Scorer
{
    /// <summary>Reads both streams, validates them, joins them by id and computes the configured metrics.</summary>
    /// <exception cref="SubmissionRejectedException">A file breaks an input rule; the message names file, line and column.</exception>
    public static ScoreReport Score(Stream labels, Stream predictions, ScoringConfig config, ScoreOptions? options = null, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();
}
