namespace DataChallenge.Scoring;

/// <summary>A file broke an input rule. The message is meant for the competitor and never quotes hidden labels.</summary>
public sealed class SubmissionRejectedException(string file, long line, string? column, string rule)
    : Exception(Describe(file, line, column, rule))
{
    public string File { get; } = file;

    /// <summary>1-based line, 0 when the problem concerns the whole file.</summary>
    public long Line { get; } = line;

    public string? Column { get; } = column;

    public string Rule { get; } = rule;

    private static string Describe(string file, long line, string? column, string rule)
    {
        var where = line > 0 ? $"{file}, line {line}" : file;
        if (column is not null) where += $", column '{column}'";
        return $"{where}: {rule}";
    }
}
