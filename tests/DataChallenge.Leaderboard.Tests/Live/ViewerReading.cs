using System.Runtime.CompilerServices;
using DataChallenge.Leaderboard.Live;

namespace DataChallenge.Leaderboard.Tests.Live;

/// <summary>A viewer's events as a sequence, read the way the live stream reads them; ends when the caller cancels.</summary>
internal static class ViewerReading
{
    public static async IAsyncEnumerable<BoardFrame> ReadAllAsync(this BoardSubscription viewer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (viewer.LeaveWhen(cancellationToken))
            while (await viewer.WaitToReadAsync())
                while (viewer.TryRead(out var frame)) yield return frame;
        cancellationToken.ThrowIfCancellationRequested();
    }
}
