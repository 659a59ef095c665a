namespace DataChallenge.Cli.Remote;

/// <summary>How long to wait before trying again after a 503: the server's Retry-After, doubling from one second, at most 30 s.</summary>
internal static class RetryBackoff
{
    /// <summary>Tries in all, about a minute and a half of waiting: longer than a dependency restart takes.</summary>
    public const int Attempts = 8;

    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    public static TimeSpan Before(int attempt, TimeSpan? retryAfter)
    {
        var doubled = First * Math.Pow(2, Math.Min(attempt - 1, 10));
        var wait = retryAfter is { } asked && asked > doubled ? asked : doubled;
        return wait < Longest ? wait : Longest;
    }
}
