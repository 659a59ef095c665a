using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Api.Features.Judging;

public sealed record RevealResponse(Guid PhaseId, DateTimeOffset RevealedAt, bool AlreadyRevealed);

public sealed record FinalsRequest(IReadOnlyList<Guid>? SubmissionIds);

/// <param name="Chosen">What the team chose; empty when it chose nothing.</param>
/// <param name="Effective">What the private board uses: the chosen ones, or by default the team's best public ones.</param>
public sealed record FinalsResponse(Guid PhaseId, int MaxFinalSubmissions, IReadOnlyList<Guid> Chosen, IReadOnlyList<Guid> Effective, bool Defaulted);

/// <param name="ScoreDecimals">Decimals of public scores, 0 to 10; 4 when omitted.</param>
/// <param name="LadderMargin">Ladder anti-probing margin; null turns it off.</param>
public sealed record BoardSettingsRequest(bool Hidden, bool Anonymise, int? ScoreDecimals, double? LadderMargin);

public sealed record BoardSettingsResponse(Guid PhaseId, bool Hidden, bool Anonymise, int ScoreDecimals, double? LadderMargin);

/// <param name="Status"><c>none</c>, <c>running</c> or <c>completed</c>.</param>
public sealed record RescoreResponse(Guid PhaseId, string Status, Guid? RunId, int? LabelsVersion, string? ConfigHash, int Total, int Done,
    DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, IReadOnlyList<RankChange> RankChanges);

public sealed record InvalidateRequest(string? Reason);

public sealed record BaselineRequest(bool IsBaseline);

public sealed record AuditEntryResponse(long Id, Guid? ActorId, string Action, string? Subject, string? Detail, DateTimeOffset At);
