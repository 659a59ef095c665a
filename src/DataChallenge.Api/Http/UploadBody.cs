using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DataChallenge.Api.Http;

/// <summary>
/// The file part of an upload request, as a stream that is read once: either the raw body (curl --data-binary,
/// the CLI) or the first file of a multipart form (browsers). Nothing is buffered.
/// </summary>
/// <param name="Note">The team's short description: the <c>note</c> form field before the file, or <c>?note=</c> with a raw body.</param>
public sealed record UploadBody(Stream Content, string FileName, string? Note = null)
{
    /// <summary>The form field that carries the submission's note; it must come before the file.</summary>
    public const string NoteField = "note";

    /// <summary>Form fields before the file are skipped, up to this many bytes in all.</summary>
    public const int MaxFieldBytes = 64 * 1024;

    /// <exception cref="UploadTooLargeException">The form fields before the file carry more than <see cref="MaxFieldBytes"/>.</exception>
    public static async Task<UploadBody?> ReadAsync(HttpRequest request, string defaultName, CancellationToken cancellationToken)
    {
        // Our own limit per phase applies instead of the server-wide one.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var name = request.Query["fileName"].FirstOrDefault() ?? defaultName;
            return new UploadBody(request.Body, Clean(name), request.Query[NoteField].FirstOrDefault());
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return null;
        var reader = new MultipartReader(boundary, request.Body);
        long fieldBytes = 0;
        string? note = null;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            var disposition = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var parsed) ? parsed : null;
            if (disposition is not null && disposition.IsFileDisposition())
                return new UploadBody(section.Body, Clean(disposition.FileNameStar.Value ?? disposition.FileName.Value ?? defaultName), note);
            // The body has no size limit (the phase's applies to the file), so what precedes the file needs one of its own.
            var field = new MemoryStream();
            fieldBytes += await CopyAsync(section.Body, field, MaxFieldBytes - fieldBytes + 1, cancellationToken);
            if (fieldBytes > MaxFieldBytes) throw new UploadTooLargeException(MaxFieldBytes);
            if (disposition is not null && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(NoteField, StringComparison.Ordinal))
                note = System.Text.Encoding.UTF8.GetString(field.GetBuffer(), 0, (int)field.Length);
        }
        return null;
    }

    private static async Task<long> CopyAsync(Stream section, Stream into, long atMost, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        long copied = 0;
        int read;
        while (copied < atMost && (read = await section.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, atMost - copied)), cancellationToken)) > 0)
        {
            into.Write(buffer, 0, read);
            copied += read;
        }
        return copied;
    }

    // Only the last path segment, printable, bounded: the name is shown back to people.
    private static string Clean(string name)
    {
        var last = Path.GetFileName(name.Replace('\\', '/').Trim('"'));
        var printable = new string(last.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (printable.Length == 0) printable = "predictions.csv";
        return printable.Length > 200 ? printable[..200] : printable;
    }
}
