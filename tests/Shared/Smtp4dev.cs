using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;

namespace DataChallenge.Testing;

/// <summary>Reads what a real smtp4dev server received, through its HTTP API, as the raw messages it stored.</summary>
public sealed class Smtp4dev(string apiUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(apiUrl) };

    public async Task<IReadOnlyList<MimeMessage>> MessagesToAsync(string address)
    {
        var list = await _http.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=100000");
        var messages = new List<MimeMessage>();
        foreach (var row in list.GetProperty("results").EnumerateArray())
        {
            if (!row.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), address, StringComparison.OrdinalIgnoreCase))) continue;
            await using var raw = await _http.GetStreamAsync($"/api/messages/{row.GetProperty("id").GetString()}/raw");
            messages.Add(await MimeMessage.LoadAsync(raw));
        }
        return messages;
    }

    public async Task<MimeMessage> WaitForAsync(string address, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if ((await MessagesToAsync(address)).FirstOrDefault() is { } message) return message;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // A server just started answers once its web host is up.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"smtp4dev received nothing for {address} within {timeout}.");
            await Task.Delay(200);
        }
    }

    public void Dispose() => _http.Dispose();
}
