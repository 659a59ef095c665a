namespace DataChallenge.Core.PublicData;

/// <summary>A file every participant of a challenge may download: training data, data dictionary, starter kit.</summary>
public sealed class PublicFile
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ChallengeId { get; init; }
    public required string Name { get; init; }
    public string Description { get; set; } = "";
    public required string ObjectKey { get; init; }
    public long SizeBytes { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    public static string KeyOf(Guid challengeId, string name) => $"challenges/{challengeId:N}/{name}";
}
