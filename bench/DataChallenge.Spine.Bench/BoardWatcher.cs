using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace DataChallenge.Spine.Bench;

/// <summary>
/// Follows a phase's live board (Server-Sent Events) the way a browser does, and notes the moment each team's
/// scored row first appears on it.
/// </summary>
public sealed class BoardWatcher : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> _firstSeen = new();
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
    public Task<long> TeamSeenAsync(Guid teamId) => Entry(teamId).Task;

    private TaskCompletionSource<long> Entry(Guid teamId)
        => _firstSeen.GetOrAdd(teamId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task ReadAsync(HttpClient http, Guid phaseId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"/api/phases/{phaseId}/leaderboard/live", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("data:", StringComparison.Ordinal)) data.Append(line.AsSpan(5).TrimStart(' ')).Append('\n');
                else if (line.Length == 0 && data.Length > 0)
                {
                    OnBoard(data.ToString(), Stopwatch.GetTimestamp());
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

    private void OnBoard(string json, long receivedAt)
    {
        using var board = JsonDocument.Parse(json);
        foreach (var row in board.RootElement.GetProperty("rows").EnumerateArray())
            Entry(row.GetProperty("teamId").GetGuid()).TrySetResult(receivedAt);
        _connected.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }
}
