using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.ObjectStorage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Submissions;

/// <summary>
/// Takes a received file into the platform in the order that loses nothing: object first, then the committed row,
/// then the message. A crash between any two steps leaves either nothing visible or a row the re-dispatch job picks up.
/// </summary>
public sealed class SubmissionIntake(DataChallengeDbContext db, IObjectStore store, IOptions<ObjectStoreOptions> storeOptions,
    SubmissionDispatcher dispatcher, TimeProvider clock, ILogger<SubmissionIntake> logger)
{
    public async Task<Submission> AcceptAsync(Phase phase, Guid teamId, Guid userId, SpooledUpload upload, string fileName, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid();
        var submission = new Submission
        {
            Id = id, PhaseId = phase.Id, TeamId = teamId, UserId = userId, FileName = fileName,
            ObjectKey = Submission.PredictionsKey(phase.Id, id), Sha256 = upload.Sha256, SizeBytes = upload.Length,
            ReceivedAt = now, DispatchedAt = now, Status = SubmissionStatus.Received,
        };
        var bucket = storeOptions.Value.Buckets.Submissions;
        await store.PutAsync(bucket, submission.ObjectKey, upload.File, upload.Length, "text/csv", cancellationToken);
        try
        {
            db.Submissions.Add(submission);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No row, no submission: the stored object must not linger.
            await store.DeleteAsync(bucket, submission.ObjectKey, CancellationToken.None);
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
        return submission;
    }
}
