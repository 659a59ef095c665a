using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DataChallenge.Leaderboard.Live;

/// <summary>Writes a viewer's board events as Server-Sent Events until the viewer leaves.</summary>
public sealed class LiveBoardResult(BoardSubscription viewer) : IResult
{
    /// <summary>The event name every whole board had before deltas; kept for viewers that ask for whole boards.</summary>
    public const string WholeBoardEvent = "leaderboard";

    private const int ChunkBytes = 16 * 1024;

    // Viewers' writes run on threads of lower priority, at most half the cores: a change to ten thousand viewers then
    // waits for board reads and every other request instead of the other way round. The leaderboard role has Kestrel
    // send a response's bytes on the thread that writes them, so the sending runs at that priority too.
    private static readonly LowPriorityScheduler ViewerWrites = new(Math.Max(1, Environment.ProcessorCount / 2), "live viewer writes");

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
        // Every await below resumes on the viewers' scheduler, since it is the current one.
        await Task.Factory.StartNew(() => SendAsync(httpContext), CancellationToken.None, TaskCreationOptions.DenyChildAttach, ViewerWrites).Unwrap();
    }

    private async Task SendAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        using var leaving = viewer.LeaveWhen(httpContext.RequestAborted);
        try
        {
            // Waits without a token: a wait that takes one allocates an operation and a registration at every change, in
            // every viewer, and the next collection must find and keep ten thousand of them.
            while (await viewer.WaitToReadAsync())
                while (viewer.TryRead(out var frame))
                    // Whole boards only: serialised for each viewer, as every change was before deltas; the baseline the
                    // shared bytes are measured against.
                    await WriteAsync(response, viewer.WholeBoardsOnly ? BoardFrame.Encode(WholeBoardEvent, frame.Version, frame.Board) : frame.Bytes,
                        httpContext.RequestAborted);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
        }
    }

    // One write that also flushes: with thousands of viewers a separate flush doubles the work of each change. A whole
    // board goes in chunks: written at once, its ~40 pipe segments would stay pooled in every viewer's connection for as
    // long as it watches.
    private static async ValueTask WriteAsync(HttpResponse response, byte[] bytes, CancellationToken cancellationToken)
    {
        for (var sent = 0; sent < bytes.Length; sent += ChunkBytes)
            await response.BodyWriter.WriteAsync(bytes.AsMemory(sent, Math.Min(ChunkBytes, bytes.Length - sent)), cancellationToken);
    }
}
