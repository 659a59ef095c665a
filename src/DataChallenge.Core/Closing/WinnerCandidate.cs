namespace DataChallenge.Core.Closing;

/// <summary>
/// A team the organisers consider for a prize after the reveal. It owes a fact sheet and its code before
/// <see cref="Deadline"/>; the organisers then give a verdict and publish it with the final ranking.
/// </summary>
public sealed class WinnerCandidate
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ChallengeId { get; init; }
    public Guid PhaseId { get; init; }
    public Guid TeamId { get; init; }
    public DateTimeOffset MarkedAt { get; init; }
    public DateTimeOffset Deadline { get; set; }

    public ClosingFile? FactSheet { get; set; }
    public ClosingFile? Code { get; set; }

    public ClosingVerdict Verdict { get; set; } = ClosingVerdict.Pending;

    /// <summary>Why a team was disqualified or could not be verified; shown publicly with the verdict.</summary>
    public string? Reason { get; set; }

    /// <summary>When the verdict became public; null while the organisers are still checking.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public bool IsOpenAt(DateTimeOffset now) => now < Deadline && PublishedAt is null;
}

/// <summary>One uploaded document of a candidate: where its bytes are and what they were.</summary>
public sealed record ClosingFile(string ObjectKey, string FileName, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

/// <summary>The organisers' finding about a candidate team.</summary>
public enum ClosingVerdict
{
    Pending,
    Verified,
    NotVerified,
    Disqualified,
}
