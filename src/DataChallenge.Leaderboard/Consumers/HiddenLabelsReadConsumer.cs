using DataChallenge.Contracts;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Leaderboard.Consumers;

/// <summary>Writes a worker's read of hidden labels to the challenge's audit trail: which submission, which labels version.</summary>
public sealed class HiddenLabelsReadConsumer(DataChallengeDbContext db) : IConsumer<HiddenLabelsRead>
{
    public async Task Consume(ConsumeContext<HiddenLabelsRead> context)
    {
        var m = context.Message;
        var found = await db.Submissions.Where(s => s.Id == m.SubmissionId)
            .Join(db.Phases, s => s.PhaseId, p => p.Id, (s, p) => new { p.Id, p.ChallengeId })
            .FirstOrDefaultAsync(context.CancellationToken);
        if (found is null) return;
        var version = m.LabelsVersion is { } v ? $"v{v}" : "unknown version";
        db.Record(found.ChallengeId, null, "labels.read", $"submission:{m.SubmissionId}", $"Worker read labels {version} ({m.LabelsKey}) to {m.Purpose}.", m.ReadAt);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
