using System.CommandLine;
using System.Security.Cryptography;
using DataChallenge.Cli.Remote;

namespace DataChallenge.Cli.Commands;

/// <summary><c>datachallenge data download SLUG</c>: every public file of a challenge, checked against its SHA-256.</summary>
internal static class DataCommand
{
    public static Command Create(CliHost host)
    {
        var slug = new Argument<string>("slug") { Description = "The challenge's short name." };
        var folder = new Option<DirectoryInfo?>("--output", "-o") { Description = "Where to write the files; the current folder by default." };
        var download = new Command("download", "Download a challenge's public data files.") { slug, folder };
        RemoteCall.Attach(download, host, async (call, cancellationToken) =>
        {
            call.RequireToken();
            var name = Uri.EscapeDataString(call.Parse.GetRequiredValue(slug));
            var target = call.Parse.GetValue(folder)?.FullName ?? Directory.GetCurrentDirectory();
            Directory.CreateDirectory(target);
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
            return ExitCodes.Success;
        });

        var command = new Command("data", "A challenge's public data.");
        command.Subcommands.Add(download);
        return command;
    }

    private static async Task<string> DownloadAsync(RemoteCall call, string url, string path, long size, CancellationToken cancellationToken)
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
}
