using System.Text.Json;
using DataChallenge.Core.Challenges;

namespace DataChallenge.Api.Features.Phases;

/// <param name="ScoringConfig">The scoring configuration document (task_type, id_column, metrics, primary_metric…).</param>
/// <param name="MaxFileBytes">Largest accepted prediction file; 100 MB when omitted.</param>
/// <param name="MaxSubmissionsPerDay">Per team and UTC day; 5 when omitted.</param>
/// <param name="MaxSubmissionsTotal">Per team over the phase; unlimited when omitted.</param>
/// <param name="MaxRejectedPerDay">Rejected files per team and UTC day; 50 when omitted.</param>
/// <param name="MaxFinalSubmissions">How many final submissions a team may choose; 2 when omitted.</param>
/// <param name="UnlimitedSubmissionsPerDay">True to lift the daily limit altogether, instead of giving one.</param>
public sealed record CreatePhaseRequest(string Name, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, JsonElement ScoringConfig, long? MaxFileBytes,
    int? MaxSubmissionsPerDay = null, int? MaxSubmissionsTotal = null, int? MaxRejectedPerDay = null, int? MaxFinalSubmissions = null,
    bool UnlimitedSubmissionsPerDay = false);

/// <summary>
/// Replaces a phase's name, window and rules. <paramref name="ClosesAt"/>, <paramref name="MaxSubmissionsPerDay"/> and
/// <paramref name="MaxSubmissionsTotal"/> mean "no end" and "unlimited" when null; the other nullable fields keep their
/// current value when null.
/// </summary>
public sealed record UpdatePhaseRequest(string Name, DateTimeOffset OpensAt, DateTimeOffset? ClosesAt, long? MaxFileBytes,
    int? MaxSubmissionsPerDay, int? MaxSubmissionsTotal, int? MaxRejectedPerDay, int? MaxFinalSubmissions);

public sealed record PhaseResponse(Guid Id, Guid ChallengeId, string Name, DateTimeOffset OpensAt, DateTimeOffset? ClosesAt,
    JsonElement ScoringConfig, long MaxFileBytes, int LabelsVersion, int? MaxSubmissionsPerDay, int? MaxSubmissionsTotal, int MaxRejectedPerDay,
    int MaxFinalSubmissions)
{
    public static PhaseResponse From(Phase phase) => new(phase.Id, phase.ChallengeId, phase.Name, phase.OpensAt, phase.ClosesAt,
        JsonDocument.Parse(phase.ScoringConfig).RootElement.Clone(), phase.MaxFileBytes, phase.LabelsVersion, phase.MaxSubmissionsPerDay,
        phase.MaxSubmissionsTotal, phase.MaxRejectedPerDay, phase.MaxFinalSubmissions);
}

/// <summary>Receipt of a hidden-labels upload: never the content, only its fingerprint.</summary>
public sealed record LabelsUploadResponse(int LabelsVersion, long SizeBytes, string Sha256);
