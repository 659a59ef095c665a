using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.CodePhases;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.ObjectStorage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Submissions;

/// <summary>What became of an upload: a new submission, the earlier one with the same idempotency key, or a quota refusal.</summary>
public sealed record IntakeResult(Submission? Submission, bool Replayed, QuotaRefusal? Refusal);

/// <summary>
/// Takes a received file into the platform in the order that loses nothing: object first, then the committed row,
/// then the message. A crash between any two steps leaves either nothing visible or a row the re-dispatch job picks up.
/// </summary>
public sealed class SubmissionIntake(DataChallengeDbContext db, IObjectStore store, IOptions<ObjectStoreOptions> storeOptions,
    SubmissionDispatcher dispatcher, SubmissionQuota quota, TimeProvider clock, ILogger<SubmissionIntake> logger)
{
    // Each lost race means another upload took a place, so the number of rounds is bounded by the places there are.
    private const int MaxClaimRounds = 200;

    public SubmissionQuota Quota => quota;

    /// <summary>Takes a file received now, without an idempotency key.</summary>
    public Task<IntakeResult> AcceptAsync(Phase phase, Guid teamId, Guid userId, SpooledUpload upload, string fileName, CancellationToken cancellationToken)
        => AcceptAsync(phase, teamId, userId, upload, fileName, null, clock.GetUtcNow(), cancellationToken);

    /// <param name="smoke">A code phase's smoke run: it takes no quota place (the smoke cap was checked before).</param>
    /// <param name="note">The team's description of the file, already checked by <see cref="SubmissionNotes.TryClean"/>.</param>
    public async Task<IntakeResult> AcceptAsync(Phase phase, Guid teamId, Guid userId, SpooledUpload upload, string fileName,
        string? idempotencyKey, DateTimeOffset receivedAt, CancellationToken cancellationToken, bool smoke = false, string? note = null)
    {
        var id = Guid.NewGuid();
        var objectKey = phase.Code is null ? Submission.PredictionsKey(phase.Id, id) : CodeRunKeys.Archive(phase.Id, id);
        var bucket = storeOptions.Value.Buckets.Submissions;
        await store.PutAsync(bucket, objectKey, upload.File, upload.Length, phase.Code is null ? "text/csv" : "application/zip", cancellationToken);

        Submission? submission = null;
        try
        {
            for (var round = 0; submission is null; round++)
            {
                if (round == MaxClaimRounds) throw new InvalidOperationException($"No quota place could be claimed in {MaxClaimRounds} rounds.");
                var (found, refusal) = smoke ? (default, null) : await quota.FindPlacesAsync(phase, teamId, receivedAt, cancellationToken);
                QuotaPlaces? places = smoke ? null : found;
                if (refusal is not null)
                {
                    await store.DeleteAsync(bucket, objectKey, CancellationToken.None);
                    return new IntakeResult(null, false, refusal);
                }

                var candidate = new Submission
                {
                    Id = id, PhaseId = phase.Id, TeamId = teamId, UserId = userId, FileName = fileName, ObjectKey = objectKey,
                    Sha256 = upload.Sha256, SizeBytes = upload.Length, ReceivedAt = receivedAt, DispatchedAt = clock.GetUtcNow(),
                    Status = SubmissionLifecycle.Initial, QuotaDay = SubmissionQuota.DayOf(receivedAt),
                    QuotaSlot = places?.DailySlot, TotalSlot = places?.TotalSlot, IdempotencyKey = idempotencyKey, IsSmoke = smoke, Note = note,
                };
                db.Submissions.Add(candidate);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    submission = candidate;
                }
                catch (DbUpdateException)
                {
                    // A unique index said no: another upload took the place, or this is a concurrent retry of the same key.
                    db.Entry(candidate).State = EntityState.Detached;
                    if (idempotencyKey is not null && await FindByKeyAsync(phase.Id, userId, idempotencyKey, cancellationToken) is { } first)
                    {
                        await store.DeleteAsync(bucket, objectKey, CancellationToken.None);
                        return new IntakeResult(first, true, null);
                    }
                }
            }
        }
        catch
        {
            // No row, no submission: the stored object must not linger.
            await store.DeleteAsync(bucket, objectKey, CancellationToken.None);
            throw;
        }

        try
        {
            await dispatcher.DispatchAsync(submission, phase, cancellationToken);
        }
        catch (Exception e)
        {
            // The row is committed; the re-dispatch job will publish it. The competitor's upload is safe.
            logger.LogWarning(e, "Submission {SubmissionId} is stored but its dispatch failed; it will be re-dispatched", submission.Id);
        }
        return new IntakeResult(submission, false, null);
    }

    public Task<Submission?> FindByKeyAsync(Guid phaseId, Guid userId, string idempotencyKey, CancellationToken cancellationToken)
        => db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.PhaseId == phaseId && s.UserId == userId && s.IdempotencyKey == idempotencyKey,
            cancellationToken);
}
