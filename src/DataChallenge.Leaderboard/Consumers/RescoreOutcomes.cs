using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Leaderboard.Rescoring;
using MassTransit;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>A rescoring's rejection or failure: recorded as the run's outcome for that submission, never as the submission's status.</summary>
internal static class RescoreOutcomes
{
    public static async Task RecordAsync(DataChallengeDbContext db, IPublishEndpoint bus, Guid runId, Guid submissionId, int? labelsVersion,
        string? configHash, SubmissionStatus outcome, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var score = new SubmissionScore
        {
            SubmissionId = submissionId, LabelsVersion = labelsVersion ?? 0, ConfigHash = configHash ?? "",
            // Unscored outcomes have no scorer version; the run id keeps their key apart from any real score.
            ScorerVersion = $"{outcome}:{runId:N}", RescoreRunId = runId, Outcome = outcome,
            Message = reason.Length > 2000 ? reason[..2000] : reason, RecordedAt = at,
        };
        if (!await RescoreResults.RecordAsync(db, runId, score, cancellationToken)) return;
        if (await RescoreCompletion.TryCompleteAsync(db, runId, at, cancellationToken) is { } update)
            await bus.Publish(update, cancellationToken);
    }
}
