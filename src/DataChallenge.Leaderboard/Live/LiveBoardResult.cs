using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DataChallenge.Leaderboard.Live;

/// <summary>Writes a viewer's board events as Server-Sent Events until the viewer leaves.</summary>
public sealed class LiveBoardResult(BoardSubscription viewer) : IResult
{
    /// <summary>The event name every whole board had before deltas; kept for viewers that ask for whole boards.</summary>
    public const string WholeBoardEvent = "leaderboard";

    private const int ChunkBytes = 16 * 1024;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using var _ = viewer;
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache,no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers.ContentEncoding = "identity";
        httpContext.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
        await response.StartAsync(httpContext.RequestAborted);
        try
        {
            await foreach (var frame in viewer.ReadAllAsync(httpContext.RequestAborted))
            {
                // Whole boards only: serialised for each viewer, as every change was before deltas; the baseline the
                // shared bytes are measured against.
                var bytes = viewer.WholeBoardsOnly ? BoardFrame.Encode(WholeBoardEvent, frame.Version, frame.Board) : frame.Bytes;
                // One write that also flushes: with thousands of viewers a separate flush doubles the work of each change.
                // A whole board goes in chunks: written at once, its ~40 pipe segments would stay pooled in every
                // viewer's connection for as long as it watches.
                for (var sent = 0; sent < bytes.Length; sent += ChunkBytes)
                    await response.BodyWriter.WriteAsync(bytes.AsMemory(sent, Math.Min(ChunkBytes, bytes.Length - sent)), httpContext.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
        }
    }
}
