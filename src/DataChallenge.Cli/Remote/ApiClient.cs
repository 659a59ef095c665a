using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace DataChallenge.Cli.Remote;

/// <summary>The HTTP API seen from the command line: JSON in, one clear sentence out when something goes wrong.</summary>
internal sealed class ApiClient(HttpClient http, string server) : IDisposable
{
    public string Server { get; } = server;

    public HttpClient Http { get; } = http;

    public static ApiClient Create(CliHost host, string server, string? token)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new CliException(ExitCodes.Usage, $"'{server}' is not an http:// or https:// address.");
        var http = new HttpClient(host.CreateHandler(), disposeHandler: true)
        {
            BaseAddress = new Uri(uri.ToString().TrimEnd('/') + "/"),
            // Uploads and downloads may be large; the stream itself reports progress.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("datachallenge-cli", typeof(ApiClient).Assembly.GetName().Version?.ToString() ?? "0"));
        if (!string.IsNullOrEmpty(token)) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiClient(http, uri.ToString());
    }

    public async Task<JsonElement> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>Sends the request; any answer other than 2xx becomes a <see cref="CliException"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => await Checked(await ReachAsync(request, cancellationToken), cancellationToken);

    /// <summary>
    /// Sends a request built anew for each try. While the server answers 503 (one of its dependencies is briefly down)
    /// it waits for Retry-After, longer each time, and tries again. The builder makes a retry safe: an upload carries
    /// the same Idempotency-Key every time, so the server records it once.
    /// </summary>
    public async Task<HttpResponseMessage> SendRetryingAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = build();
            var response = await ReachAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == RetryBackoff.Attempts)
                return await Checked(response, cancellationToken);
            var wait = RetryBackoff.Before(attempt, response.Headers.RetryAfter?.Delta);
            response.Dispose();
            await Task.Delay(wait, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> ReachAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CliException(ExitCodes.Error, $"Could not reach {Server}: {e.Message}");
        }
    }

    private static async Task<HttpResponseMessage> Checked(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await FailureOf(response, cancellationToken);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.Clone();
    }

    private static async Task<CliException> FailureOf(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var code = response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => ExitCodes.QuotaExhausted,
            _ when status >= 500 => ExitCodes.PlatformFailure,
            _ => ExitCodes.Error,
        };
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            return new CliException(code, "The server refused the token: it is unknown, revoked or expired. Create a new one and run `datachallenge login`.");
        var text = await ProblemText(response, cancellationToken);
        return new CliException(code, text ?? $"The server answered {status} {response.ReasonPhrase}.");
    }

    // RFC 7807 problem details: the title, then the detail when there is one.
    private static async Task<string?> ProblemText(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            if (title is null) return detail;
            return detail is null ? title : $"{title.TrimEnd('.')}: {detail}";
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => Http.Dispose();
}
