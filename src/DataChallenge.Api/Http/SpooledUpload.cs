using System.Security.Cryptography;

namespace DataChallenge.Api.Http;

/// <summary>
/// An upload received into a temporary file that deletes itself, hashed and counted on the way. Memory stays flat
/// whatever the size, the object store gets a known length, and an aborted upload leaves nothing behind.
/// </summary>
public sealed class SpooledUpload : IAsyncDisposable
{
    private SpooledUpload(FileStream file, long length, string sha256)
    {
        File = file;
        Length = length;
        Sha256 = sha256;
    }

    public FileStream File { get; }
    public long Length { get; }
    public string Sha256 { get; }

    /// <exception cref="UploadTooLargeException">More than <paramref name="maxBytes"/> arrived; reading stopped there.</exception>
    public static async Task<SpooledUpload> ReceiveAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            long length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes) throw new UploadTooLargeException(maxBytes);
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            return new SpooledUpload(file, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => File.DisposeAsync();
}

public sealed class UploadTooLargeException(long limit) : Exception($"The upload exceeds {limit} bytes.")
{
    public long Limit { get; } = limit;
}
