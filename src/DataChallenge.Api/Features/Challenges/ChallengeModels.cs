using DataChallenge.Core.Challenges;

namespace DataChallenge.Api.Features.Challenges;

/// <param name="Visibility">draft, public (the default) or unlisted.</param>
public sealed record CreateChallengeRequest(string Slug, string Title, string? Description, string? Visibility = null, bool? RequiresApproval = null,
    int? MaxTeamSize = null);

/// <summary>Replaces the editable settings; <paramref name="MaxTeamSize"/> null means teams of any size.</summary>
public sealed record UpdateChallengeRequest(string Title, string? Description, string Visibility, bool RequiresApproval, int? MaxTeamSize);

public sealed record PhaseSummary(Guid Id, string Name, DateTimeOffset OpensAt, DateTimeOffset? ClosesAt, bool IsOpen, bool HasLabels, string LeaderboardUrl);

/// <param name="AccessKey">The unlisted link's secret; organisers only, null for everyone else.</param>
/// <param name="AwaitingPlatformApproval">True while the platform requires approval and no administrator gave it yet.</param>
public sealed record ChallengeResponse(Guid Id, string Slug, string Title, string Description, DateTimeOffset CreatedAt, IReadOnlyList<PhaseSummary> Phases,
    string Visibility, bool RequiresApproval, int? MaxTeamSize, int TermsVersion, string? AccessKey, bool AwaitingPlatformApproval)
{
    public static ChallengeResponse From(Challenge challenge, DateTimeOffset now, bool forOrganiser = false, bool approvalRequired = false) => new(
        challenge.Id, challenge.Slug, challenge.Title, challenge.Description, challenge.CreatedAt,
        challenge.Phases.OrderBy(p => p.OpensAt).Select(p => PhaseSummaryOf(p, now)).ToList(),
        ChallengeSettings.VisibilityName(challenge.Visibility), challenge.RequiresApproval, challenge.MaxTeamSize, challenge.TermsVersion,
        forOrganiser ? challenge.AccessKey : null, approvalRequired && challenge.PlatformApprovedAt is null);

    public static PhaseSummary PhaseSummaryOf(Phase phase, DateTimeOffset now)
        => new(phase.Id, phase.Name, phase.OpensAt, phase.ClosesAt, phase.IsOpenAt(now), phase.LabelsVersion > 0, $"/api/phases/{phase.Id}/leaderboard");
}
