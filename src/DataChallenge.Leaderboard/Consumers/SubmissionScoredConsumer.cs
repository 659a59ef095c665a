using System.Text.Json;
using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Leaderboard.Ranking;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Records a score once, updates the team's board entry in the same transaction, then pushes the new board.</summary>
public sealed class SubmissionScoredConsumer(DataChallengeDbContext db, LeaderboardCache cache, ILogger<SubmissionScoredConsumer> logger)
    : IConsumer<SubmissionScored>
{
    public async Task Consume(ConsumeContext<SubmissionScored> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var submission = await db.Submissions.FindAsync([message.SubmissionId], cancellationToken);
        if (submission is null || submission.Status is not (SubmissionStatus.Received or SubmissionStatus.Scoring))
        {
            logger.LogInformation("Ignoring a repeated result for submission {SubmissionId}", message.SubmissionId);
            return;
        }

        submission.Status = SubmissionStatus.Scored;
        submission.FinishedAt = message.ScoredAt;
        submission.PrimaryMetric = message.PrimaryMetric;
        submission.PublicScore = PrimaryOn(message, "public") ?? PrimaryOn(message, "all");
        submission.PrivateScore = PrimaryOn(message, "private");
        submission.ScoresJson = JsonSerializer.Serialize(message.Scores);
        submission.ScoredLabelsVersion = message.LabelsVersion;
        submission.ScorerVersion = message.ScorerVersion;
        await db.SaveChangesAsync(cancellationToken);
        await TeamStanding.RecomputeAsync(db, submission.PhaseId, submission.TeamId, message.HigherIsBetter, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await cache.RefreshAsync(submission.PhaseId, cancellationToken);
    }

    private static double? PrimaryOn(SubmissionScored message, string split)
        => message.Scores.FirstOrDefault(s => s.Split == split && s.Metric == message.PrimaryMetric)?.Value;
}
