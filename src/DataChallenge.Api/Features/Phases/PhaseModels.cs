using System.Text.Json;

namespace DataChallenge.Api.Features.Phases;

/// <param name="ScoringConfig">The scoring configuration document (task_type, id_column, metrics, primary_metric…).</param>
/// <param name="MaxFileBytes">Largest accepted prediction file; 100 MB when omitted.</param>
public sealed record CreatePhaseRequest(string Name, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, JsonElement ScoringConfig, long? MaxFileBytes);

public sealed record PhaseResponse(Guid Id, Guid ChallengeId, string Name, DateTimeOffset OpensAt, DateTimeOffset? ClosesAt,
    JsonElement ScoringConfig, long MaxFileBytes, int LabelsVersion);

/// <summary>Receipt of a hidden-labels upload: never the content, only its fingerprint.</summary>
public sealed record LabelsUploadResponse(int LabelsVersion, long SizeBytes, string Sha256);
