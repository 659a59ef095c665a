using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace DataChallenge.Spine.Bench;

/// <summary>
/// Follows a phase's live board (Server-Sent Events) the way a browser does, and notes the moment each team's
/// scored row first appears on it, and in which version of the board.
/// </summary>
public sealed class BoardWatcher : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<(long At, long Version)>> _firstSeen = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;

    public BoardWatcher(Uri server, Guid phaseId)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        _reading = Task.Run(() => ReadAsync(http, phaseId, _stop.Token));
    }

    /// <summary>Completes once the first event (the board as it is now) has arrived.</summary>
    public Task Connected => _connected.Task;

    /// <summary>The Stopwatch timestamp at which the team's row was first seen; waiting may start before the upload.</summary>
    public async Task<long> TeamSeenAsync(Guid teamId) => (await Entry(teamId).Task).At;

    /// <summary>The board version (the event's id) in which the team's row first appeared.</summary>
    public async Task<long> TeamVersionAsync(Guid teamId) => (await Entry(teamId).Task).Version;

    private TaskCompletionSource<(long At, long Version)> Entry(Guid teamId)
        => _firstSeen.GetOrAdd(teamId, _ => new TaskCompletionSource<(long, long)>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task ReadAsync(HttpClient http, Guid phaseId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"/api/phases/{phaseId}/leaderboard/live", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            var data = new StringBuilder();
            var version = 0L;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("id:", StringComparison.Ordinal)) version = long.Parse(line.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
                else if (line.StartsWith("data:", StringComparison.Ordinal)) data.Append(line.AsSpan(5).TrimStart(' ')).Append('\n');
                else if (line.Length == 0 && data.Length > 0)
                {
                    OnBoard(data.ToString(), Stopwatch.GetTimestamp(), version);
                    data.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _connected.TrySetException(e);
            foreach (var entry in _firstSeen.Values) entry.TrySetException(e);
        }
        finally
        {
            http.Dispose();
        }
    }

    private void OnBoard(string json, long receivedAt, long version)
    {
        using var board = JsonDocument.Parse(json);
        foreach (var row in board.RootElement.GetProperty("rows").EnumerateArray())
            Entry(row.GetProperty("teamId").GetGuid()).TrySetResult((receivedAt, version));
        _connected.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }
}
