namespace DataChallenge.Hosting.ObjectStorage;

/// <summary>Blob storage for prediction files, hidden labels and public data.</summary>
public interface IObjectStore
{
    /// <summary>Stores <paramref name="content"/> of known <paramref name="length"/> under <paramref name="key"/>, replacing any object there.</summary>
    Task PutAsync(string bucket, string key, Stream content, long length, string contentType, CancellationToken cancellationToken);

    /// <summary>Opens an object for reading; throws <see cref="ObjectNotFoundException"/> when absent.</summary>
    Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>Removes an object; absent objects are not an error.</summary>
    Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken);

    /// <summary>Every object whose key starts with <paramref name="prefix"/>, in no particular order.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(string bucket, string prefix, CancellationToken cancellationToken);

    /// <summary>Creates the configured buckets when missing.</summary>
    Task EnsureBucketsAsync(CancellationToken cancellationToken);
}

/// <summary>An object's key and when it was last written.</summary>
public sealed record StoredObject(string Key, DateTimeOffset LastModified);

public sealed class ObjectNotFoundException(string bucket, string key)
    : Exception($"Object '{key}' was not found in bucket '{bucket}'.");
