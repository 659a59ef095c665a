using System.Net;
using DataChallenge.Api.Tests.Participation;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Quotas;

/// <summary>At the deadline many uploads of one team arrive at once; exactly the allowed number gets through.</summary>
public sealed class QuotaRaceTests : IAsyncLifetime
{
    private const int Rounds = 8;
    private const int Uploads = 50;
    private readonly ServerFactory _server = new();
    private ApiSession _organiser = null!;
    private string _slug = "";

    public async ValueTask InitializeAsync()
    {
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        _slug = await _organiser.CreateChallengeAsync();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Submit_AcceptsExactlyTheDailyQuota_WhenFiftyUploadsRace()
    {
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug, maxSubmissionsPerDay: 5);
        for (var round = 0; round < Rounds; round++)
        {
            // A new team each round: its quota starts empty.
            var team = await ApiSession.RegisterAsync(_server.CreateClient());
            await team.JoinAsync(_slug);

            var statuses = await Task.WhenAll(Enumerable.Range(0, Uploads).Select(async i =>
                (await team.SubmitRawAsync(phaseId, SampleFiles.Predictions(swaps: i % 3))).StatusCode));

            Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Accepted));
            Assert.Equal(Uploads - 5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
            Assert.Equal(5, await team.MySubmissionCountAsync(phaseId));
        }
    }

    [Fact]
    public async Task Submit_AcceptsExactlyTheTotalLimit_WhenUploadsRace()
    {
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug, maxSubmissionsTotal: 3);
        var team = await ApiSession.RegisterAsync(_server.CreateClient());
        await team.JoinAsync(_slug);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => team.SubmitRawAsync(phaseId, SampleFiles.Predictions())));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Contains("total limit is reached", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        // No later day brings a place back, so no time to wait is promised.
        Assert.Null(refused.Headers.RetryAfter);
        Assert.Equal(3, await team.MySubmissionCountAsync(phaseId));
    }
}
