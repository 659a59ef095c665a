using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Worker.Scoring;

namespace DataChallenge.Worker.CodeRuns;

/// <summary>Copies a phase's input files, every object under a prefix, into a job's input folder with their relative paths.</summary>
public static class CodeRunInputs
{
    /// <returns>False, having written nothing outside <paramref name="folder"/>, when a key is not a plain relative path.</returns>
    public static async Task<bool> DownloadAsync(IObjectStore store, string bucket, string prefix, string folder, CancellationToken cancellationToken)
    {
        // "…/v1" must not also take "…/v10/…".
        var root = prefix.EndsWith('/') ? prefix : prefix + "/";
        await foreach (var stored in store.ListAsync(bucket, root, cancellationToken))
        {
            var segments = stored.Key[root.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length == 0) continue;
            if (segments.Any(s => s is "." or ".." || s.Contains('\\') || s.Any(char.IsControl))) return false;
            var path = Path.Combine([folder, .. segments]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await store.DownloadAsync(bucket, stored.Key, path, cancellationToken);
        }

        return true;
    }
}
