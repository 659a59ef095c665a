namespace DataChallenge.Core.Challenges;

/// <summary>A period during which submissions are scored against one hidden test set.</summary>
public sealed class Phase
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ChallengeId { get; init; }
    public Challenge? Challenge { get; init; }
    public required string Name { get; set; }
    public DateTimeOffset OpensAt { get; set; }

    /// <summary>Null for a standing benchmark that never closes.</summary>
    public DateTimeOffset? ClosesAt { get; set; }

    /// <summary>The scoring configuration document (JSON), as the scoring library reads it.</summary>
    public required string ScoringConfig { get; set; }

    /// <summary>0 until the organiser uploads hidden labels.</summary>
    public int LabelsVersion { get; set; }

    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    public bool IsOpenAt(DateTimeOffset instant) => instant >= OpensAt && (ClosesAt is null || instant < ClosesAt);

    public string LabelsKey => HiddenLabelsKey(Id, LabelsVersion);

    public static string HiddenLabelsKey(Guid phaseId, int version) => $"phases/{phaseId:N}/labels/v{version}.csv";
}
