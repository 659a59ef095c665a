using System.Net;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Hosting.Tests;

public sealed class HealthAndDocumentTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Health_Answers200_WhenTheRolesAreReady()
    {
        var response = await _server.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheSubmissionEndpoints()
    {
        var text = await _server.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = JsonDocument.Parse(text).RootElement.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/phases/{phaseId}/submissions", out var submissions));
        Assert.True(submissions.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/submissions/{submissionId}", out _));
        Assert.True(paths.TryGetProperty("/api/phases/{phaseId}/leaderboard", out _));
        Assert.True(paths.TryGetProperty("/api/account/register", out _));
    }

    [Fact]
    public async Task UnknownChallenge_AnswersProblemDetails()
    {
        var response = await _server.CreateClient().GetAsync("/api/challenges/no-such-challenge", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
