using System.Globalization;
using System.IO.Compression;
using DataChallenge.Api.Features.Submissions;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.CodePhases;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Sandbox;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataChallenge.Api.Features.CodePhases;

/// <summary>
/// A competitor's zip to a code phase: checked (size, a real zip with safe names, an entry point) before it is stored,
/// then taken in like a prediction file, with a run command instead of a scoring command. <c>?smoke=true</c> runs it on
/// the public smoke data: its own daily cap, no quota place, no run minutes.
/// </summary>
public static class CodeSubmissionUpload
{
    public static async Task<Results<Accepted<SubmissionResponse>, ProblemHttpResult>> SubmitAsync(Phase phase, CodePhaseSettings code, Guid teamId, Guid userId,
        HttpRequest request, DataChallengeDbContext db, SubmissionIntake intake, string? idempotencyKey, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var smoke = string.Equals(request.Query["smoke"], "true", StringComparison.OrdinalIgnoreCase);
        var quota = await ComputeQuota.ReadAsync(db, phase.Id, code, teamId, receivedAt, cancellationToken);
        if (await RefusalAsync(phase, code, teamId, smoke, quota, request.HttpContext, intake, receivedAt, cancellationToken) is { } refused) return refused;
        if (request.ContentLength > code.MaxArchiveBytes) return Problems.TooLarge(code.MaxArchiveBytes);

        UploadBody? body;
        SpooledUpload upload;
        string? note;
        try
        {
            body = await UploadBody.ReadAsync(request, "submission.zip", cancellationToken);
            if (body is null) return Problems.BadRequest("The request carries no file.");
            if (!SubmissionNotes.TryClean(body.Note, out note))
                return Problems.BadRequest($"A note has at most {Submission.MaxNoteLength} characters.");
            upload = await SpooledUpload.ReceiveAsync(body.Content, code.MaxArchiveBytes, cancellationToken);
        }
        catch (UploadTooLargeException e)
        {
            return Problems.TooLarge(e.Limit);
        }
        await using (upload)
        {
            try
            {
                SafeArchive.Check(upload.File, new ArchiveLimits());
                upload.File.Position = 0;
                using (var archive = new ZipArchive(upload.File, ZipArchiveMode.Read, leaveOpen: true))
                    if (CodeEntryPoint.Refusal(() => CodeEntryPoint.Resolve(archive)) is { } missing)
                        return Problems.BadRequest("The zip has no entry point.", missing);
            }
            catch (UnsafeArchiveException e)
            {
                return Problems.BadRequest("A code submission is a zip archive.", e.Message);
            }
            upload.File.Position = 0;
            var result = await intake.AcceptAsync(phase, teamId, userId, upload, body.FileName, idempotencyKey, receivedAt, cancellationToken, smoke, note);
            if (result.Refusal is not null) return SubmissionEndpoints.QuotaUsed(request.HttpContext, result.Refusal);
            return TypedResults.Accepted($"/api/submissions/{result.Submission!.Id}", SubmissionResponse.From(result.Submission, phase, mayReadPrivate: false));
        }
    }

    private static async Task<ProblemHttpResult?> RefusalAsync(Phase phase, CodePhaseSettings code, Guid teamId, bool smoke, ComputeQuota quota,
        HttpContext context, SubmissionIntake intake, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var untilMidnight = new DateTimeOffset(quota.Day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - receivedAt;
        if (smoke)
        {
            if (code.SmokeDataVersion == 0) return Problems.Conflict("This phase has no smoke data yet: its organisers have not uploaded it.");
            return quota.SmokeRunsLeft == 0
                ? SubmissionEndpoints.QuotaUsed(context, new QuotaRefusal("The daily smoke-run limit is reached.",
                    $"Your team has used all {code.SmokeRunsPerDay} smoke runs of today (UTC); they come back at the next UTC midnight.", untilMidnight))
                : null;
        }
        if (phase.LabelsVersion == 0 || code.InputsVersion == 0)
            return Problems.Conflict("This phase is not ready: its organisers have not uploaded the test labels and inputs yet.");
        if (quota.RunMinutesLeft <= 0)
            return SubmissionEndpoints.QuotaUsed(context, new QuotaRefusal("The daily run minutes are used.",
                $"Your team's runs used all {code.RunMinutesPerDay.ToString(CultureInfo.InvariantCulture)} run minutes of today (UTC); "
                + "smoke runs do not count and are still open.", untilMidnight));
        var (_, early) = await intake.Quota.FindPlacesAsync(phase, teamId, receivedAt, cancellationToken);
        return early is null ? null : SubmissionEndpoints.QuotaUsed(context, early);
    }
}
