using Microsoft.Extensions.Options;
using Minio;
using Minio.DataModel.Args;

namespace DataChallenge.Hosting.ObjectStorage;

/// <summary>Objects in an S3-compatible server (MinIO, Swift s3api, AWS) through the Minio SDK: SigV4, path-style addressing.</summary>
public sealed class S3ObjectStore(IMinioClient client, IOptions<ObjectStoreOptions> options) : IObjectStore
{
    public async Task PutAsync(string bucket, string key, Stream content, long length, string contentType, CancellationToken cancellationToken)
    {
        var args = new PutObjectArgs()
            .WithBucket(bucket)
            .WithObject(key)
            .WithStreamData(content)
            .WithObjectSize(length)
            .WithContentType(contentType);
        await client.PutObjectAsync(args, cancellationToken);
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

    public async Task EnsureBucketsAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.S3.CreateBuckets) return;
        foreach (var bucket in options.Value.Buckets.All())
        {
            if (!await client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), cancellationToken))
                await client.MakeBucketAsync(new MakeBucketArgs().WithBucket(bucket), cancellationToken);
        }
    }
}
