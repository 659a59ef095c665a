using DataChallenge.Core.Challenges;

namespace DataChallenge.Api.Features.Challenges;

public sealed record CreateChallengeRequest(string Slug, string Title, string? Description);

public sealed record JoinChallengeRequest(string? TeamName);

public sealed record JoinChallengeResponse(Guid TeamId, string TeamName);

public sealed record PhaseSummary(Guid Id, string Name, DateTimeOffset OpensAt, DateTimeOffset? ClosesAt, bool IsOpen, bool HasLabels, string LeaderboardUrl);

public sealed record ChallengeResponse(Guid Id, string Slug, string Title, string Description, DateTimeOffset CreatedAt, IReadOnlyList<PhaseSummary> Phases)
{
    public static ChallengeResponse From(Challenge challenge, DateTimeOffset now) => new(
        challenge.Id, challenge.Slug, challenge.Title, challenge.Description, challenge.CreatedAt,
        challenge.Phases.OrderBy(p => p.OpensAt).Select(p => PhaseSummaryOf(p, now)).ToList());

    public static PhaseSummary PhaseSummaryOf(Phase phase, DateTimeOffset now)
        => new(phase.Id, phase.Name, phase.OpensAt, phase.ClosesAt, phase.IsOpenAt(now), phase.LabelsVersion > 0, $"/api/phases/{phase.Id}/leaderboard");
}
