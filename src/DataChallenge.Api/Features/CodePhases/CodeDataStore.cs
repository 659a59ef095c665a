using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using DataChallenge.Api.Http;
using DataChallenge.Core.CodePhases;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Sandbox;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.CodePhases;

/// <summary>One file of a stored data set, as its manifest lists it.</summary>
public sealed record CodeDataFile(string Name, long SizeBytes, string Sha256);

/// <summary>A stored version's manifest: when it was uploaded (unknown for versions stored before that was recorded) and its files.</summary>
public sealed record CodeDataManifest(DateTimeOffset? UploadedAt, List<CodeDataFile> Files);

/// <summary>
/// Stores one version of a code phase's data set (hidden inputs or smoke data) from an organiser's zip: each file under
/// the version's prefix, where a run reads them, and a manifest that names them beside the prefix, not inside it, since
/// a run receives every object under the prefix. The zip is checked like a scoring program's before anything is written.
/// </summary>
public sealed class CodeDataStore(IObjectStore store, IOptions<ObjectStoreOptions> options, TimeProvider clock)
{
    public static readonly ArchiveLimits Limits = new() { MaxEntries = 100_000, MaxTotalBytes = 50L * 1024 * 1024 * 1024 };

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary><c>…/inputs/v3/</c> → <c>…/inputs/v3.manifest.json</c>: beside the files, never among a run's inputs.</summary>
    public static string ManifestKey(string prefix) => prefix.TrimEnd('/') + ".manifest.json";

    /// <summary>The smoke data as uploaded, so participants download it in one piece.</summary>
    public static string SmokeArchiveKey(Guid phaseId, int version) => $"phases/{phaseId:N}/smoke/v{version}.zip";

    public string HiddenBucket => options.Value.Buckets.HiddenLabels;

    public string PublicBucket => options.Value.Buckets.PublicData;

    /// <exception cref="UnsafeArchiveException">Not a zip, or an entry that would land outside the set.</exception>
    public async Task<List<CodeDataFile>> StoreAsync(string bucket, string prefix, SpooledUpload upload, CancellationToken cancellationToken)
    {
        upload.File.Position = 0;
        SafeArchive.Check(upload.File, Limits);
        upload.File.Position = 0;
        var files = new List<CodeDataFile>();
        using (var archive = new ZipArchive(upload.File, ZipArchiveMode.Read, leaveOpen: true))
        {
            foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                // Spooled to disk: the object store needs the length and the hash needs a second read.
                var spool = Path.GetTempFileName();
                try
                {
                    await using (var output = File.Create(spool))
                    await using (var input = entry.Open())
                        await input.CopyToAsync(output, cancellationToken);
                    await using var content = File.OpenRead(spool);
                    var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
                    content.Position = 0;
                    // Read before the upload: the S3 client closes the stream it sends.
                    var length = content.Length;
                    await store.PutAsync(bucket, prefix + entry.FullName, content, length, "application/octet-stream", cancellationToken);
                    files.Add(new CodeDataFile(entry.FullName, length, sha));
                }
                finally
                {
                    File.Delete(spool);
                }
            }
        }
        using var manifest = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(new CodeDataManifest(clock.GetUtcNow(), files), Web));
        await store.PutAsync(bucket, ManifestKey(prefix), manifest, manifest.Length, "application/json", cancellationToken);
        return files;
    }

    public async Task<List<CodeDataFile>> ReadManifestAsync(string bucket, string prefix, CancellationToken cancellationToken)
        => (await ReadVersionAsync(bucket, prefix, cancellationToken))?.Files ?? [];

    /// <summary>The manifest of the version stored under <paramref name="prefix"/>, or null when there is none.</summary>
    public async Task<CodeDataManifest?> ReadVersionAsync(string bucket, string prefix, CancellationToken cancellationToken)
    {
        if (!await store.ExistsAsync(bucket, ManifestKey(prefix), cancellationToken)) return null;
        await using var content = await store.OpenReadAsync(bucket, ManifestKey(prefix), cancellationToken);
        using var json = await JsonDocument.ParseAsync(content, cancellationToken: cancellationToken);
        // The first manifests were a bare list of files, written before the upload time was kept.
        return json.RootElement.ValueKind == JsonValueKind.Array
            ? new CodeDataManifest(null, json.RootElement.Deserialize<List<CodeDataFile>>(Web) ?? [])
            : json.RootElement.Deserialize<CodeDataManifest>(Web);
    }

    public Task PutSmokeArchiveAsync(Guid phaseId, int version, SpooledUpload upload, CancellationToken cancellationToken)
    {
        upload.File.Position = 0;
        return store.PutAsync(PublicBucket, SmokeArchiveKey(phaseId, version), upload.File, upload.Length, "application/zip", cancellationToken);
    }

    public Task<Stream> OpenAsync(string bucket, string key, CancellationToken cancellationToken) => store.OpenReadAsync(bucket, key, cancellationToken);
}
