using DataChallenge.Api.Http;
using DataChallenge.Contracts;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.CodePhases;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.Messaging;
using DataChallenge.Scoring;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.FinalistComparisons;

/// <summary>
/// Starts finalist comparisons, for an organiser or by itself once a phase's private scores are final, and fails the
/// ones whose worker stopped reporting. One way in, so an automatic run and an organiser's are the same message.
/// </summary>
public sealed class FinalistComparisonStarter(DataChallengeDbContext db, ISendEndpointProvider endpoints, TimeProvider clock,
    IOptions<FinalistComparisonOptions> options)
{
    private static readonly Uri Queue = new($"queue:{QueueNames.CompareFinalists}");

    /// <summary>The run sent to a worker, or why it cannot be.</summary>
    public async Task<(FinalistComparisonRun? Run, ProblemHttpResult? Refusal)> StartAsync(Phase phase, int resamples, bool byGroup, Guid? requestedBy,
        CancellationToken cancellationToken)
    {
        if (!TryGroupColumn(phase, byGroup, out var groupColumn, out var refusal)) return (null, refusal);
        if (phase.LabelsVersion == 0) return (null, Problems.Conflict("The phase has no hidden labels yet."));
        await FailStuckAsync(phase.Id, cancellationToken);
        if (await db.FinalistComparisonRuns.AnyAsync(r => r.PhaseId == phase.Id && r.CompletedAt == null, cancellationToken))
            return (null, Problems.Conflict("A comparison of this phase is running; start again once it completes or fails."));
        return await SendAsync(phase, resamples, groupColumn, requestedBy, cancellationToken);
    }

    /// <summary>
    /// Starts the comparison of a revealed phase by itself, once per labels version, when its private scores are final:
    /// no file still being scored and no rescoring under way. Null when there is nothing to start (yet).
    /// </summary>
    public async Task<FinalistComparisonRun?> AtCloseAsync(Phase phase, CancellationToken cancellationToken)
    {
        if (phase.LabelsVersion == 0 || !TryGroupColumn(phase, false, out _, out _)) return null;
        if (await db.FinalistComparisonRuns.AnyAsync(r => r.PhaseId == phase.Id && r.AutomaticForLabelsVersion == phase.LabelsVersion, cancellationToken)
            || await db.Submissions.Where(s => s.PhaseId == phase.Id).AnyAsync(SubmissionLifecycle.Unfinished, cancellationToken)
            || await db.RescoreRuns.AnyAsync(r => r.PhaseId == phase.Id && r.CompletedAt == null, cancellationToken))
            return null;
        try
        {
            return (await SendAsync(phase, CompareFinalistsRequest.DefaultResamples, null, null, cancellationToken)).Run;
        }
        catch (DbUpdateException)
        {
            // Another trigger inserted this labels version's run first: the unique index kept it to one.
            db.ChangeTracker.Clear();
            return null;
        }
    }

    /// <summary>Fails the phase's running comparisons that have not reported for <see cref="FinalistComparisonOptions.StuckAfter"/>; all phases' when null.</summary>
    public async Task<int> FailStuckAsync(Guid? phaseId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var silentSince = now - options.Value.StuckAfter;
        var reason = $"No progress from the worker for {options.Value.StuckAfter.TotalMinutes:0} minutes: it stopped. Start the comparison again.";
        // CompletedAt is set too, so a result that still arrives from the lost worker is ignored.
        return await db.FinalistComparisonRuns
            .Where(r => r.CompletedAt == null && (phaseId == null || r.PhaseId == phaseId) && (r.LastProgressAt ?? r.RequestedAt) < silentSince)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Error, reason).SetProperty(r => r.CompletedAt, now), cancellationToken);
    }

    private async Task<(FinalistComparisonRun? Run, ProblemHttpResult? Refusal)> SendAsync(Phase phase, int resamples, string? groupColumn,
        Guid? requestedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var board = await PrivateBoardAsync(db, phase, now, cancellationToken);
        if (board.Rows.Count < 2) return (null, Problems.Conflict("The private board has fewer than two teams to compare."));
        var submissionIds = board.Rows.Select(r => r.SubmissionId).ToList();
        var objectKeys = await db.Submissions.Where(s => submissionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ObjectKey, cancellationToken);

        var run = new FinalistComparisonRun
        {
            PhaseId = phase.Id, RequestedBy = requestedBy, RequestedAt = now, Resamples = resamples, ResampledUnit = groupColumn is null ? "rows" : "groups",
            LabelsVersion = phase.LabelsVersion, AutomaticForLabelsVersion = requestedBy is null ? phase.LabelsVersion : null,
        };
        db.FinalistComparisonRuns.Add(run);
        db.Record(phase.ChallengeId, requestedBy, "finalists.comparison.requested", $"phase:{phase.Id}",
            (requestedBy is null ? "Started at the close: " : "") + $"{board.Rows.Count} finalists, {resamples} resamples of {run.ResampledUnit}.", now);
        await db.SaveChangesAsync(cancellationToken);

        await (await endpoints.GetSendEndpoint(Queue)).Send(new CompareFinalists
        {
            ComparisonId = run.Id, PhaseId = phase.Id, LabelsKey = phase.LabelsKey, LabelsVersion = phase.LabelsVersion, ScoringConfig = phase.ScoringConfig,
            Resamples = resamples, Seed = SeedOf(phase.Id), GroupColumn = groupColumn,
            Finalists = board.Rows.Select(r => new FinalistFile(r.TeamId, r.SubmissionId,
                CodeRunKeys.ScoredFile(phase, r.SubmissionId, objectKeys[r.SubmissionId]))).ToList(),
        }, cancellationToken);
        return (run, null);
    }

    // Its teams and the submissions that stand for them; the public ranks it would compare against are not needed here.
    internal static Task<LeaderboardSnapshot> PrivateBoardAsync(DataChallengeDbContext db, Phase phase, DateTimeOffset now, CancellationToken cancellationToken)
        => PrivateBoard.BuildAsync(db, phase, new LeaderboardSnapshot(phase.Id, 0, now, null, true, []), now, cancellationToken);

    /// <summary>The same phase always draws the same resamples, so a repeated comparison gives the same answer.</summary>
    public static ulong SeedOf(Guid phaseId) => BitConverter.ToUInt64(phaseId.ToByteArray(), 0);

    private static bool TryGroupColumn(Phase phase, bool byGroup, out string? column, out ProblemHttpResult? refusal)
    {
        (column, refusal) = (null, null);
        ScoringConfig config;
        try
        {
            config = ScoringConfig.Parse(phase.ScoringConfig);
        }
        catch (ScoringConfigException)
        {
            refusal = Problems.Conflict("Finalists can be compared only in phases scored by a built-in metric.");
            return false;
        }
        if (!byGroup) return true;
        column = config.GroupColumn;
        if (column is null) refusal = Problems.BadRequest("The phase has no group_column to resample by.");
        return column is not null;
    }
}
