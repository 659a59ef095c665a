using System.Net;

namespace DataChallenge.Cli.Remote;

/// <summary>A file sent as the request body straight from disk, reporting bytes sent: nothing is held in memory.</summary>
internal sealed class ProgressContent(FileStream file, Action<long> progress) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long sent = 0;
        file.Position = 0;
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            sent += read;
            progress(sent);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = file.Length;
        return true;
    }
}
