using System.Net;
using System.Text;

namespace DataChallenge.Cli.Tests.Remote;

/// <summary>
/// Answers the reveal and rescore routes in the shapes of the judging endpoints (RevealResponse, RescoreResponse), with a
/// scripted sequence of rescoring states, and keeps every request it saw.
/// </summary>
public sealed class FakeJudgingServer
{
    public const string Slug = "judged";
    public static readonly Guid PhaseId = Guid.Parse("0b7c1f6e-5a43-4d0e-9d2a-3c1f2b7e9a10");

    private readonly Queue<string> _rescoreStates;

    public FakeJudgingServer(params string[] rescoreStates) => _rescoreStates = new Queue<string>(rescoreStates);

    public List<(HttpMethod Method, string Path, string? Authorization)> Requests { get; } = [];

    public HttpStatusCode RevealStatus { get; set; } = HttpStatusCode.OK;

    public bool AlreadyRevealed { get; set; }

    public HttpMessageHandler CreateHandler() => new Handler(this);

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        Requests.Add((request.Method, path, request.Headers.Authorization?.ToString()));
        var phase = $"/api/phases/{PhaseId}";
        return (request.Method.Method, path) switch
        {
            ("GET", $"/api/challenges/{Slug}") => Json(HttpStatusCode.OK,
                $$"""{"slug":"{{Slug}}","title":"Judged","phases":[{"id":"{{PhaseId}}","name":"Main","isOpen":false},{"id":"{{Guid.NewGuid()}}","name":"Other","isOpen":false}]}"""),
            ("POST", var p) when p == phase + "/reveal" => RevealStatus == HttpStatusCode.OK
                ? Json(HttpStatusCode.OK, $$"""{"phaseId":"{{PhaseId}}","revealedAt":"2026-03-01T00:00:00+00:00","alreadyRevealed":{{(AlreadyRevealed ? "true" : "false")}}}""")
                : Json(RevealStatus, """{"title":"Only the challenge's organisers can reveal its leaderboard."}"""),
            ("POST", var p) when p == phase + "/rescore" => Json(HttpStatusCode.Accepted, $$"""{"phaseId":"{{PhaseId}}","status":"running","total":3,"done":0,"rankChanges":[]}"""),
            ("GET", var p) when p == phase + "/rescore" => Json(HttpStatusCode.OK, _rescoreStates.Count > 1 ? _rescoreStates.Dequeue() : _rescoreStates.Peek()),
            _ => Json(HttpStatusCode.NotFound, """{"title":"Not found."}"""),
        };
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body)
        => new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class Handler(FakeJudgingServer server) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = server.Answer(request);
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
