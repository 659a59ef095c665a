using System.Text.Json;
using DataChallenge.Contracts;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Leaderboard.Rescoring;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>
/// Records a score once, updates the team's board entry in the same transaction, then announces the new board. A
/// rescoring's result is kept aside until its whole run is in, then the boards switch at once.
/// </summary>
public sealed class SubmissionScoredConsumer(DataChallengeDbContext db, TimeProvider clock,
    ILogger<SubmissionScoredConsumer> logger) : IConsumer<SubmissionScored>
{
    public async Task Consume(ConsumeContext<SubmissionScored> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        if (message.RescoreRunId is { } runId)
        {
            await RecordRescoreAsync(context, runId, cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var submission = await db.Submissions.FindAsync([message.SubmissionId], cancellationToken);
        if (submission is null || !SubmissionLifecycle.Allows(submission.Status, SubmissionTransition.Score))
        {
            logger.LogInformation("Ignoring a repeated result for submission {SubmissionId}", message.SubmissionId);
            return;
        }

        submission.Take(SubmissionTransition.Score);
        submission.FinishedAt = message.ScoredAt;
        submission.PrimaryMetric = message.PrimaryMetric;
        submission.PublicScore = PublicPrimary(message);
        submission.PrivateScore = PrimaryOn(message, SplitScores.Private);
        submission.ScoresJson = JsonSerializer.Serialize(message.Scores);
        submission.GroupsJson = GroupsOf(message);
        submission.ScoredLabelsVersion = message.LabelsVersion;
        submission.ScorerVersion = message.ScorerVersion;
        submission.ScoredConfigHash = message.ScoringConfigHash;
        var key = ScoreOf(message, submission.PublicScore, submission.PrivateScore, submission.ScoresJson, null);
        if (!await db.SubmissionScores.AnyAsync(s => s.SubmissionId == key.SubmissionId && s.LabelsVersion == key.LabelsVersion
                && s.ConfigHash == key.ConfigHash && s.ScorerVersion == key.ScorerVersion, cancellationToken))
            db.SubmissionScores.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await TeamStanding.RecomputeAsync(db, submission.PhaseId, submission.TeamId, message.HigherIsBetter, cancellationToken);
        var version = await db.NextBoardVersionAsync(submission.PhaseId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // A baseline changes the board's baseline lines, not one team's entry.
        await context.Publish(new PhaseBoardUpdated { PhaseId = submission.PhaseId, Version = version, TeamId = submission.IsBaseline ? null : submission.TeamId },
            cancellationToken);
    }

    private async Task RecordRescoreAsync(ConsumeContext<SubmissionScored> context, Guid runId, CancellationToken cancellationToken)
    {
        var message = context.Message;
        var publicScore = PublicPrimary(message);
        var score = ScoreOf(message, publicScore, PrimaryOn(message, SplitScores.Private), JsonSerializer.Serialize(message.Scores), runId);
        if (!await RescoreResults.RecordAsync(db, runId, score, cancellationToken))
        {
            logger.LogInformation("Ignoring a result of finished rescoring {RunId}", runId);
            return;
        }
        if (await RescoreCompletion.TryCompleteAsync(db, runId, clock.GetUtcNow(), cancellationToken) is { } update)
            await context.Publish(update, cancellationToken);
    }

    private SubmissionScore ScoreOf(SubmissionScored message, double? publicScore, double? privateScore, string scoresJson, Guid? runId) => new()
    {
        SubmissionId = message.SubmissionId, LabelsVersion = message.LabelsVersion, ConfigHash = message.ScoringConfigHash ?? "",
        ScorerVersion = message.ScorerVersion, RescoreRunId = runId, Outcome = SubmissionStatus.Scored, PrimaryMetric = message.PrimaryMetric,
        HigherIsBetter = message.HigherIsBetter, PublicScore = publicScore, PrivateScore = privateScore, ScoresJson = scoresJson,
        GroupsJson = GroupsOf(message), RecordedAt = clock.GetUtcNow(),
    };

    private static string? GroupsOf(SubmissionScored message)
        => GroupResults.Serialize(message.Groups?.Select(g => new GroupResult(g.Split, g.Group, g.Rows, g.Suppressed, g.Value)));

    // With a split column the public value comes from public rows only: undefined there stays undefined, never the all-rows value.
    private static double? PublicPrimary(SubmissionScored message)
        => PrimaryOn(message, message.Scores.Any(s => s.Split == SplitScores.Public) ? SplitScores.Public : "all");

    private static double? PrimaryOn(SubmissionScored message, string split)
        => message.Scores.FirstOrDefault(s => s.Split == split && s.Metric == message.PrimaryMetric)?.Value;
}
