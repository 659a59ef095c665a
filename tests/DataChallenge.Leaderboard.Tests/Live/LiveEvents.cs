using System.Globalization;
using System.Text.Json;

namespace DataChallenge.Leaderboard.Tests.Live;

/// <summary>Reads a phase's live board stream event by event, the way a browser's EventSource does.</summary>
public sealed class LiveEvents : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private LiveEvents(HttpResponseMessage response, StreamReader reader) => (_response, _reader) = (response, reader);

    public sealed record Event(string Name, long Id, JsonElement Data);

    public static async Task<LiveEvents> OpenAsync(HttpClient client, Guid phaseId, long? lastEventId = null, bool full = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/phases/{phaseId}/leaderboard/live{(full ? "?full=1" : "")}");
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString(CultureInfo.InvariantCulture));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new LiveEvents(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    public async Task<Event> NextAsync()
    {
        var (name, id, data) = ("message", -1L, "");
        while (await _reader.ReadLineAsync(_timeout.Token) is { } line)
        {
            if (line.Length == 0 && data.Length > 0) return new Event(name, id, JsonDocument.Parse(data).RootElement.Clone());
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
            else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = long.Parse(line[4..], CultureInfo.InvariantCulture);
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data += line[6..];
        }
        throw new InvalidOperationException("The live stream ended.");
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        _timeout.Dispose();
        return ValueTask.CompletedTask;
    }
}
