using DataChallenge.Hosting.ObjectStorage;

namespace DataChallenge.Worker.Scoring;

/// <summary>Copies between the object store and a job's folders; storage errors propagate so the bus retries.</summary>
public static class StoreFiles
{
    public static async Task DownloadAsync(this IObjectStore store, string bucket, string key, string path, CancellationToken cancellationToken)
    {
        await using var source = await store.OpenReadAsync(bucket, key, cancellationToken);
        await using var target = File.Create(path);
        await source.CopyToAsync(target, cancellationToken);
    }

    public static async Task PutBytesAsync(this IObjectStore store, string bucket, string key, byte[] content, string contentType,
        CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content);
        await store.PutAsync(bucket, key, stream, content.Length, contentType, cancellationToken);
    }
}
