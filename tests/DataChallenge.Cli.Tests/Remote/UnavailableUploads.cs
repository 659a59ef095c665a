using System.Net;
using System.Text;

namespace DataChallenge.Cli.Tests.Remote;

/// <summary>
/// Stands between the CLI and the server: the first <c>failures</c> uploads meet a 503 with Retry-After, as during a
/// database outage; later ones go through. It keeps every upload's Idempotency-Key.
/// </summary>
public sealed class UnavailableUploads(int failures, HttpMessageHandler server) : DelegatingHandler(server)
{
    private int _uploads;

    public List<string?> Keys { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.EndsWith("/submissions", StringComparison.Ordinal))
            return base.SendAsync(request, cancellationToken);
        lock (Keys) Keys.Add(request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null);
        if (Interlocked.Increment(ref _uploads) > failures) return base.SendAsync(request, cancellationToken);
        var refusal = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
        {
            Content = new StringContent("""{"status":503,"title":"The platform is briefly unavailable."}""", Encoding.UTF8, "application/problem+json"),
            RequestMessage = request,
        };
        refusal.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
        return Task.FromResult(refusal);
    }
}
