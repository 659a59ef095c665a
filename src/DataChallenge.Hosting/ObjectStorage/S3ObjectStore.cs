using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Minio;
using Minio.DataModel.Args;

namespace DataChallenge.Hosting.ObjectStorage;

/// <summary>Objects in an S3-compatible server (MinIO, Swift s3api, AWS) through the Minio SDK: SigV4, path-style addressing.</summary>
public sealed class S3ObjectStore(IMinioClient client, IHttpClientFactory httpClients, IOptions<ObjectStoreOptions> options) : IObjectStore, IDisposable
{
    public const string HttpClientName = "s3-upload";

    /// <summary>
    /// One streamed PUT to a presigned (SigV4) URL. The SDK's own upload buffers every multipart chunk in a new array,
    /// which grows the server by a hundred megabytes on a large file; this path copies through one small buffer.
    /// </summary>
    public async Task PutAsync(string bucket, string key, Stream content, long length, string contentType, CancellationToken cancellationToken)
    {
        var url = await client.PresignedPutObjectAsync(new PresignedPutObjectArgs().WithBucket(bucket).WithObject(key).WithExpiry(3600));
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StreamContent(content, 81920) };
        request.Content.Headers.ContentLength = length;
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new IOException($"The S3 server refused to store '{key}' in '{bucket}': {(int)response.StatusCode} {response.ReasonPhrase}.");
    }

    public async Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        // The SDK hands the body to a callback and closes it afterwards, so the object is spooled to a
        // temporary file that deletes itself: memory stays flat whatever the object's size.
        var spool = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var args = new GetObjectArgs()
                .WithBucket(bucket)
                .WithObject(key)
                .WithCallbackStream((body, ct) => body.CopyToAsync(spool, ct));
            await client.GetObjectAsync(args, cancellationToken);
            spool.Position = 0;
            return spool;
        }
        catch (Exception e) when (e is Minio.Exceptions.ObjectNotFoundException or Minio.Exceptions.BucketNotFoundException)
        {
            await spool.DisposeAsync();
            throw new ObjectNotFoundException(bucket, key);
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    public async Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            await client.StatObjectAsync(new StatObjectArgs().WithBucket(bucket).WithObject(key), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is Minio.Exceptions.ObjectNotFoundException or Minio.Exceptions.BucketNotFoundException)
        {
            return false;
        }
    }

    public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken)
        => client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(bucket).WithObject(key), cancellationToken);

    public async IAsyncEnumerable<StoredObject> ListAsync(string bucket, string prefix,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var listing = new ListObjectsArgs().WithBucket(bucket).WithPrefix(prefix).WithRecursive(true);
        await foreach (var item in client.ListObjectsEnumAsync(listing, cancellationToken))
        {
            if (item.IsDir) continue;
            var modified = item.LastModifiedDateTime ?? DateTime.UtcNow;
            yield return new StoredObject(item.Key, modified.Kind == DateTimeKind.Local
                ? new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero)
                : new DateTimeOffset(DateTime.SpecifyKind(modified, DateTimeKind.Utc), TimeSpan.Zero));
        }
    }

    public async Task EnsureBucketsAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.S3.CreateBuckets) return;
        foreach (var bucket in options.Value.Buckets.All())
        {
            if (!await client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), cancellationToken))
                await client.MakeBucketAsync(new MakeBucketArgs().WithBucket(bucket), cancellationToken);
        }
    }

    public void Dispose() => client.Dispose();
}
