using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Api.Features.SubmissionResults;

/// <summary>A submission's primary metric per group; suppressed groups carry no value.</summary>
public sealed record SubmissionGroupsResponse(Guid SubmissionId, string? PrimaryMetric, IReadOnlyList<GroupResult> Groups);

/// <summary>Null leaves a setting as it is.</summary>
public sealed record ResultSettingsRequest(bool? ShowOwnGroupResults, bool? PublishPrivateGroupBoard, bool? ShowOwnDetailedResults);

public sealed record ResultSettingsResponse(Guid PhaseId, bool ShowOwnGroupResults, bool PublishPrivateGroupBoard, bool ShowOwnDetailedResults);
