using System.Text.RegularExpressions;
using DataChallenge.Core.Persistence;
using DataChallenge.Hosting.ObjectStorage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Jobs;

/// <summary>
/// Deletes prediction files that no submission row points to: the object is stored before its row commits, so a
/// crash in between leaves one behind. Only objects older than <see cref="SubmissionRecoveryOptions.AbandonedAfter"/>
/// go, so an upload still on its way to the database is never touched. Deleting twice is harmless: safe to run anywhere.
/// </summary>
public sealed partial class CleanAbandonedUploadsJob(DataChallengeDbContext db, IObjectStore store, IOptions<ObjectStoreOptions> storeOptions,
    IOptions<SubmissionRecoveryOptions> options, TimeProvider clock, ILogger<CleanAbandonedUploadsJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var bucket = storeOptions.Value.Buckets.Submissions;
        var before = clock.GetUtcNow() - options.Value.AbandonedAfter;
        var candidates = new Dictionary<Guid, string>();
        await foreach (var stored in store.ListAsync(bucket, "phases/", cancellationToken))
        {
            if (stored.LastModified >= before) continue;
            var match = PredictionsKey().Match(stored.Key);
            if (match.Success) candidates[Guid.ParseExact(match.Groups["id"].Value, "N")] = stored.Key;
        }

        var deleted = 0;
        foreach (var batch in candidates.Keys.Chunk(500))
        {
            var known = await db.Submissions.Where(s => batch.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
            foreach (var id in batch.Except(known))
            {
                await store.DeleteAsync(bucket, candidates[id], cancellationToken);
                deleted++;
            }
        }
        if (deleted > 0) logger.LogWarning("Deleted {Count} prediction files that no submission refers to", deleted);
        return deleted;
    }

    [GeneratedRegex("^phases/[0-9a-f]{32}/submissions/(?<id>[0-9a-f]{32})\\.csv$")]
    private static partial Regex PredictionsKey();
}
