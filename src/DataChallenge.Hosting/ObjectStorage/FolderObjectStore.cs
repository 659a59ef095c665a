using Microsoft.Extensions.Options;

namespace DataChallenge.Hosting.ObjectStorage;

/// <summary>Objects as files under one folder per bucket. Writes go to a temporary file first so a reader never sees half an object.</summary>
public sealed class FolderObjectStore(IOptions<ObjectStoreOptions> options, HostPaths paths) : IObjectStore
{
    private readonly string _root = options.Value.Folder ?? Path.Combine(paths.DataFolder, "objects");

    public async Task PutAsync(string bucket, string key, Stream content, long length, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var path = PathOf(bucket, key);
        if (!File.Exists(path)) throw new ObjectNotFoundException(bucket, key);
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Task.FromResult(stream);
    }

    public Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken)
        => Task.FromResult(File.Exists(PathOf(bucket, key)));

    public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(bucket, key));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string bucket, string prefix,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var bucketRoot = Path.GetFullPath(Path.Combine(_root, bucket));
        if (!Directory.Exists(bucketRoot)) yield break;
        foreach (var path in Directory.EnumerateFiles(bucketRoot, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A file still being written is not an object yet.
            if (path.EndsWith(".partial", StringComparison.Ordinal)) continue;
            var key = Path.GetRelativePath(bucketRoot, path).Replace(Path.DirectorySeparatorChar, '/');
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            yield return new StoredObject(key, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
        }
        await Task.CompletedTask;
    }

    public Task EnsureBucketsAsync(CancellationToken cancellationToken)
    {
        foreach (var bucket in options.Value.Buckets.All()) Directory.CreateDirectory(Path.Combine(_root, bucket));
        return Task.CompletedTask;
    }

    private string PathOf(string bucket, string key)
    {
        // Keys are built by the platform, but a key must never climb out of its bucket.
        var bucketRoot = Path.GetFullPath(Path.Combine(_root, bucket));
        var path = Path.GetFullPath(Path.Combine(bucketRoot, key));
        if (!path.StartsWith(bucketRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Object key '{key}' leaves its bucket.", nameof(key));
        return path;
    }
}
