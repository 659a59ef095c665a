using System.Net;
using DataChallenge.Api.Tests.Participation;
using DataChallenge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DataChallenge.Api.Tests.Quotas;

/// <summary>What the quota says and gives back: the 429 answer, rejected files, idempotent retries.</summary>
public sealed class QuotaRulesTests : IAsyncLifetime
{
    // Half an hour before a UTC midnight, so the next place opens at a known instant.
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private ServerFactory _server = null!;
    private ApiSession _organiser = null!;
    private ApiSession _team = null!;
    private string _slug = "";

    public async ValueTask InitializeAsync()
    {
        _server = new ServerFactory { ConfigureServices = services => services.AddSingleton<TimeProvider>(_clock) };
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        _slug = await _organiser.CreateChallengeAsync();
        _team = await ApiSession.RegisterAsync(_server.CreateClient());
        await _team.JoinAsync(_slug);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Submit_Answers429WithRetryAfterUntilUtcMidnight_WhenTheDailyQuotaIsUsed()
    {
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug, maxSubmissionsPerDay: 2);
        await _team.SubmitAsync(phaseId, SampleFiles.Predictions());
        await _team.SubmitAsync(phaseId, SampleFiles.Predictions());

        var refused = await _team.SubmitRawAsync(phaseId, SampleFiles.Predictions());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(30), refused.Headers.RetryAfter?.Delta);
        var problem = await refused.JsonAsync();
        Assert.Equal("The daily limit is reached.", problem.GetProperty("title").GetString());
        Assert.Contains("2026-12-01 00:00:00Z", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.Accepted, (await _team.SubmitRawAsync(phaseId, SampleFiles.Predictions())).StatusCode);
    }

    [Fact]
    public async Task Submit_CountsOnlyTheDayOfReceipt_WhenTheClockIsOneTickBeforeMidnight()
    {
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug, maxSubmissionsPerDay: 1);
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1));
        await _team.SubmitAsync(phaseId, SampleFiles.Predictions());

        var sameDay = await _team.SubmitRawAsync(phaseId, SampleFiles.Predictions());
        _clock.Advance(TimeSpan.FromTicks(1));
        var nextDay = await _team.SubmitRawAsync(phaseId, SampleFiles.Predictions());

        Assert.Equal(HttpStatusCode.TooManyRequests, sameDay.StatusCode);
        Assert.Equal("1", sameDay.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.Accepted, nextDay.StatusCode);
    }

    [Fact]
    public async Task Submit_GivesThePlaceBack_WhenTheFileIsRejected()
    {
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug, maxSubmissionsPerDay: 1);
        var rejectedId = await _team.SubmitAsync(phaseId, RulesApi.RejectedPredictions());
        Assert.Equal("Rejected", (await _team.WaitForOutcomeAsync(rejectedId)).GetProperty("status").GetString());

        var next = await _team.SubmitRawAsync(phaseId, SampleFiles.Predictions());

        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await _team.SubmitRawAsync(phaseId, SampleFiles.Predictions())).StatusCode);
    }

    [Fact]
    public async Task Submit_Answers429_WhenTheDailyCapOnRejectedFilesIsReached()
    {
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug, maxSubmissionsPerDay: 10, maxRejectedPerDay: 2);
        for (var i = 0; i < 2; i++)
            Assert.Equal("Rejected", (await _team.WaitForOutcomeAsync(await _team.SubmitAsync(phaseId, RulesApi.RejectedPredictions()))).GetProperty("status").GetString());

        var refused = await _team.SubmitRawAsync(phaseId, SampleFiles.Predictions());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("Too many rejected files today.", (await refused.JsonAsync()).GetProperty("title").GetString());
        // The cap is the team's: another team still submits.
        var other = await ApiSession.RegisterAsync(_server.CreateClient());
        await other.JoinAsync(_slug);
        Assert.Equal(HttpStatusCode.Accepted, (await other.SubmitRawAsync(phaseId, SampleFiles.Predictions())).StatusCode);
    }

    [Fact]
    public async Task Submit_ReturnsTheFirstAnswer_WhenRetriedWithTheSameIdempotencyKey()
    {
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug, maxSubmissionsPerDay: 1);

        var first = await _team.SubmitWithKeyAsync(phaseId, SampleFiles.Predictions(), "upload-1");
        var retry = await _team.SubmitWithKeyAsync(phaseId, SampleFiles.Predictions(), "upload-1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        // Same status although the quota of one is used: the retry is the same upload, not a second one.
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal((await first.JsonAsync()).GetProperty("id").GetGuid(), (await retry.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(1, await _team.MySubmissionCountAsync(phaseId));
    }

    [Fact]
    public async Task Submit_CreatesOneSubmission_WhenTenRetriesWithOneKeyRace()
    {
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _team.SubmitWithKeyAsync(phaseId, SampleFiles.Predictions(), "retry-storm")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(1, await _team.MySubmissionCountAsync(phaseId));
    }

    [Fact]
    public async Task Submit_CreatesTwoSubmissions_WhenTheKeysDiffer()
    {
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug);

        var a = await _team.SubmitWithKeyAsync(phaseId, SampleFiles.Predictions(), "key-a");
        var b = await _team.SubmitWithKeyAsync(phaseId, SampleFiles.Predictions(), "key-b");

        Assert.NotEqual((await a.JsonAsync()).GetProperty("id").GetGuid(), (await b.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(2, await _team.MySubmissionCountAsync(phaseId));
        Assert.Equal(HttpStatusCode.BadRequest, (await _team.SubmitWithKeyAsync(phaseId, SampleFiles.Predictions(), new string('k', 101))).StatusCode);
    }
}
