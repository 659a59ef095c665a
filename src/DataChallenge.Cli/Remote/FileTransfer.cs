using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;

namespace DataChallenge.Cli.Remote;

/// <summary>Files streamed to and from the server with a progress bar, never held in memory.</summary>
internal static class FileTransfer
{
    /// <summary>Every public file of a challenge into <paramref name="target"/>, each checked against its SHA-256.</summary>
    public static async Task DownloadPublicFilesAsync(RemoteCall call, string slug, string target, CancellationToken cancellationToken)
    {
        var name = Uri.EscapeDataString(slug);
        var files = await call.Api.GetJsonAsync($"api/challenges/{name}/files", cancellationToken);
        if (files.GetArrayLength() == 0) call.Output.WriteLine("This challenge has no public files.");
        foreach (var file in files.EnumerateArray())
        {
            // Only the last segment: a file name from the server never chooses where it is written.
            var fileName = Path.GetFileName(file.String("name") ?? "");
            if (fileName.Length == 0) continue;
            var path = Path.Combine(target, fileName);
            var sha256 = await DownloadAsync(call, $"api/challenges/{name}/files/{Uri.EscapeDataString(fileName)}", path, file.Get("sizeBytes").GetInt64(), cancellationToken);
            if (file.String("sha256") is { } expected && !string.Equals(expected, sha256, StringComparison.OrdinalIgnoreCase))
                throw new CliException(ExitCodes.Error, $"{fileName} arrived damaged (its SHA-256 differs from the server's); run the command again.");
            call.Output.WriteLine($"{path} ({file.Get("sizeBytes")} bytes)");
        }
    }

    /// <summary>Downloads to <paramref name="path"/> and returns the SHA-256 of what arrived.</summary>
    public static async Task<string> DownloadAsync(RemoteCall call, string url, string path, long size, CancellationToken cancellationToken)
    {
        using var response = await call.Api.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var partial = path + ".part";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await Terminal.WithProgressAsync(call.Host, Path.GetFileName(path), response.Content.Headers.ContentLength ?? size, async progress =>
        {
            await using var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            var buffer = new byte[81920];
            long done = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                done += read;
                progress(done);
            }
        });
        // Written under a temporary name first, so an interrupted download never looks complete.
        File.Move(partial, path, overwrite: true);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Sends the file as the body of a PUT and returns the server's JSON answer.</summary>
    public static async Task<JsonElement> PutAsync(RemoteCall call, string url, string path, string contentType, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        JsonElement answer = default;
        await Terminal.WithProgressAsync(call.Host, $"Uploading {Path.GetFileName(path)}", stream.Length, async progress =>
        {
            using var content = new ProgressContent(stream, progress);
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = content };
            using var response = await call.Api.SendAsync(request, cancellationToken);
            answer = await ApiClient.ReadJsonAsync(response, cancellationToken);
        });
        return answer;
    }

    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
