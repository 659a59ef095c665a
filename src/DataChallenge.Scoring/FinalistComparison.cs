using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring;

/// <summary>
/// Paired bootstrap of finalists: every resample draws the same rows (or whole groups) for every team, so a
/// difference between two teams is measured on the same patients, not on two independent samples.
/// </summary>
public static class FinalistComparison
{
    /// <summary>Probability of being better at or above which two adjacent teams' order counts as resolved.</summary>
    public const double ResolvedProbability = 0.95;

    /// <summary>
    /// Scores every team on the same rows, then ranks them in each paired resample. Per team: its value, its 95 %
    /// interval and the 2.5–97.5th percentiles of its rank (competition ranking within a resample: 1 + the number of
    /// teams strictly better; undefined values rank after every defined one). For each pair of adjacent standings: the
    /// share of resamples, among those where both are defined, where the higher one is better (ties half). Tied groups:
    /// two adjacent teams are tied when that share is below <see cref="ResolvedProbability"/>, and ties chain, so a
    /// group is a maximal run of adjacent unresolved pairs (A~B and B~C put A, B and C together).
    /// </summary>
    /// <exception cref="SubmissionRejectedException">A file breaks an input rule.</exception>
    /// <exception cref="ScoringConfigException">The configuration, metric or group column cannot be used.</exception>
    public static FinalistComparisonResult Compare(Stream labels, IReadOnlyList<FinalistPredictions> teams, ScoringConfig config,
        ComparisonOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(config);
        if (teams.Count == 0) throw new ArgumentException("There is no team to compare.", nameof(teams));
        options ??= new ComparisonOptions();
        if (options.Resamples < 1) throw new ArgumentOutOfRangeException(nameof(options), "Resamples must be 1 or more.");
        if (options.GroupColumn is { } column) config = config with { GroupColumn = column };
        config.Validate();
        var metric = options.Metric ?? config.PrimaryMetric;
        if (!MetricCatalog.Fits(config.TaskType, metric))
            throw new ScoringConfigException($"Metric '{metric}' does not fit task_type {config.TaskType}.");

        var layout = new TaskLayout(config);
        var parallel = options.MaxDegreeOfParallelism > 1;
        var table = Readers.Labels(labels, config, layout, options.LabelsFileName, parallel, cancellationToken);
        var rows = ComparedRows(table, options.Split);
        var data = teams.Select(t => Readers.Predictions(t.Predictions, config, layout, table, t.Team, parallel, cancellationToken))
            .Select(d => rows is null ? d : d.Gather(rows)).ToArray();
        var prepared = data.Select(d => MetricTable.Prepare(metric, d, config)).ToArray();
        var values = prepared.Select(p => p([])).ToArray();

        var (groupOfRow, groupCount) = Groups(table, rows, options.GroupColumn is not null);
        var rowCount = rows?.Length ?? table.Rows;
        var request = new IntervalRequest(options.Resamples, options.Seed, options.MaxDegreeOfParallelism, cancellationToken);
        var resampled = rowCount == 0
            ? Enumerable.Repeat(double.NaN, options.Resamples * teams.Count).ToArray()
            : PairedBootstrap.Run(prepared, rowCount, groupOfRow, groupCount, request, progress);
        return FinalistStandings.Summarise(teams.Select(t => t.Team).ToArray(), values, resampled, options.Resamples, metric,
            groupOfRow is null ? "rows" : "groups");
    }

    private static int[]? ComparedRows(LabelsTable table, string split)
        => (table.Split, split) switch
        {
            (null, _) or (_, "all") => null,
            (_, "public") => Readers.RowsWhere(table.Split, 0),
            (_, "private") => Readers.RowsWhere(table.Split, 1),
            _ => throw new ScoringConfigException($"Split '{split}' is not one of private, public, all."),
        };

    // Group indices renumbered over the compared rows, so a group absent from them is never drawn.
    private static (int[]? GroupOfRow, int Count) Groups(LabelsTable table, int[]? rows, bool byGroup)
    {
        if (!byGroup || table.Group is null) return (null, 0);
        var renumbered = new Dictionary<int, int>();
        var count = rows?.Length ?? table.Rows;
        var groupOfRow = new int[count];
        for (var i = 0; i < count; i++)
        {
            var group = table.Group[rows is null ? i : rows[i]];
            if (!renumbered.TryGetValue(group, out var index)) renumbered[group] = index = renumbered.Count;
            groupOfRow[i] = index;
        }

        return (groupOfRow, renumbered.Count);
    }
}
