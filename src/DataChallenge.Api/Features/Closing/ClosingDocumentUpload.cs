using DataChallenge.Api.Http;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Closing;
using DataChallenge.Core.Persistence;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Sandbox;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataChallenge.Api.Features.Closing;

/// <summary>
/// A candidate team's fact sheet or code: size-limited while it streams in, checked for what it claims to be (a PDF,
/// Markdown text, a safe zip), then kept in the private submissions bucket; it replaces an earlier upload.
/// </summary>
internal static class ClosingDocumentUpload
{
    public static async Task<Results<Ok<ClosingFileResponse>, ProblemHttpResult>> StoreAsync(WinnerCandidate candidate, ClosingDocument document, Guid userId,
        HttpRequest request, DataChallengeDbContext db, IObjectStore store, ObjectStoreOptions storeOptions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (request.ContentLength > document.MaxBytes) return Problems.TooLarge(document.MaxBytes);
        try
        {
            var body = await UploadBody.ReadAsync(request, document.Name + document.Extensions[0], cancellationToken);
            if (body is null) return Problems.BadRequest("The request carries no file.");
            if (!document.Accepts(body.FileName))
                return Problems.BadRequest($"A {document.Name} is a {string.Join(" or ", document.Extensions)} file.");
            await using var upload = await SpooledUpload.ReceiveAsync(body.Content, document.MaxBytes, cancellationToken);
            if (ContentRefusal(document, body.FileName, upload.File) is { } refused) return Problems.BadRequest(refused);
            upload.File.Position = 0;
            var key = document.KeyOf(candidate);
            await store.PutAsync(storeOptions.Buckets.Submissions, key, upload.File, upload.Length, "application/octet-stream", cancellationToken);
            var file = new ClosingFile(key, body.FileName, upload.Length, upload.Sha256, now);
            if (document == ClosingDocument.Code) candidate.Code = file;
            else candidate.FactSheet = file;
            db.Record(candidate.ChallengeId, userId, "closing.document-uploaded", $"team:{candidate.TeamId}",
                $"{document.Name} {body.FileName} ({upload.Length} bytes, sha256 {upload.Sha256})", now);
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(ClosingResponses.File(file, null)!);
        }
        catch (UploadTooLargeException e)
        {
            return Problems.TooLarge(e.Limit);
        }
    }

    // Organisers open these files: a name ending in .pdf must hold a PDF, Markdown must be text, a zip must unpack safely.
    private static string? ContentRefusal(ClosingDocument document, string fileName, Stream content)
    {
        content.Position = 0;
        if (document == ClosingDocument.Code)
        {
            try
            {
                SafeArchive.Check(content, new ArchiveLimits());
                return null;
            }
            catch (UnsafeArchiveException e)
            {
                return $"The code is not a safe zip archive: {e.Message}";
            }
        }
        var head = new byte[8192];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (fileName.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            return read >= 5 && head.AsSpan(0, 5).SequenceEqual("%PDF-"u8) ? null : "The fact sheet is not a PDF file.";
        return head.AsSpan(0, read).Contains((byte)0) ? "The fact sheet is not Markdown text." : null;
    }
}
