using System.Text.Json;
using System.Text.Json.Nodes;
using DataChallenge.Contracts;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>
/// Records a code run's provenance, log and duration on its submission. A smoke run ends here: Finished when its program
/// wrote its file, Rejected (with the run's summary) otherwise. A real run stays Running: its scoring, or its rejection,
/// follows from the worker, and may be recorded before this notice: the provenance and the log are kept all the same.
/// A repeated notice, or one of an older attempt, changes nothing.
/// </summary>
public sealed class CodeRunFinishedConsumer(DataChallengeDbContext db) : IConsumer<CodeRunFinished>
{
    private const string AttemptField = "Attempt";

    public async Task Consume(ConsumeContext<CodeRunFinished> context)
    {
        var m = context.Message;
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == m.SubmissionId && s.Attempt == m.Attempt, context.CancellationToken);
        if (submission is null) return;
        var earlier = submission.ProvenanceJson is null ? null : JsonNode.Parse(submission.ProvenanceJson);
        // The provenance names its attempt: a repeated notice of the recorded attempt changes nothing.
        if (earlier?[AttemptField]?.GetValue<int>() == m.Attempt) return;

        var provenance = JsonSerializer.SerializeToNode(m.Provenance)!.AsObject();
        provenance[AttemptField] = m.Attempt;
        // A run after an earlier one (a retry, an organiser's re-run) says whether the same code wrote the same predictions.
        var earlierPredictions = earlier?[nameof(CodeRunProvenance.PredictionsSha256)]?.GetValue<string>();
        if (earlierPredictions is not null && m.Provenance.PredictionsSha256 is { } now) submission.Reproducible = earlierPredictions == now;
        submission.ProvenanceJson = provenance.ToJsonString();
        submission.LogKey = m.LogKey;
        submission.RunMilliseconds = m.Provenance.DurationMilliseconds;
        if (m.Smoke && !SubmissionLifecycle.IsFinished(submission.Status))
        {
            submission.Take(m.Succeeded ? SubmissionTransition.FinishSmoke : SubmissionTransition.Reject);
            submission.Message = m.Summary;
            submission.FinishedAt = m.FinishedAt;
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
