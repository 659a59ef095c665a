using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Tests.Participation;

/// <summary>Joining means accepting the current terms; approval and new terms versions gate data and submissions.</summary>
public sealed class RegistrationTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private ApiSession _organiser = null!;
    private ApiSession _competitor = null!;
    private string _slug = "";
    private Guid _phaseId;

    public async ValueTask InitializeAsync()
    {
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        _slug = await _organiser.CreateChallengeAsync();
        _phaseId = await _organiser.CreateReadyPhaseAsync(_slug);
        await ApiSession.EnsureAsync(await _organiser.Client.PutAsync($"/api/challenges/{_slug}/files/train.csv",
            new StringContent("id,x\n1,2\n", Encoding.UTF8, "text/csv")), "upload public file");
        await PublishTermsAsync("Use the data for this challenge only.");
        _competitor = await ApiSession.RegisterAsync(_server.CreateClient());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Join_Answers400_WhenTheCurrentTermsAreNotAccepted()
    {
        var without = await _competitor.Client.PostAsJsonAsync($"/api/challenges/{_slug}/join", new { teamName = "T" });
        var outdated = await _competitor.Client.PostAsJsonAsync($"/api/challenges/{_slug}/join", new { teamName = "T", acceptedTermsVersion = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outdated.StatusCode);
        Assert.Contains("version 1", (await without.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Join_RecordsTheAcceptance_WhenTheCurrentVersionIsAccepted()
    {
        var joined = await JoinAsync(_competitor, 1);

        Assert.Equal("approved", joined.GetProperty("status").GetString());
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var acceptance = await db.TermsAcceptances.SingleAsync(a => a.UserId == joined.GetProperty("userId").GetGuid());
        Assert.Equal(1, acceptance.Version);
    }

    [Fact]
    public async Task DownloadAndSubmit_RequireReacceptance_WhenANewTermsVersionIsPublished()
    {
        await JoinAsync(_competitor, 1);
        Assert.Equal(HttpStatusCode.OK, (await _competitor.Client.GetAsync($"/api/challenges/{_slug}/files/train.csv")).StatusCode);

        await PublishTermsAsync("Version 2: also no re-identification.");

        var download = await _competitor.Client.GetAsync($"/api/challenges/{_slug}/files/train.csv");
        var submit = await _competitor.SubmitRawAsync(_phaseId, SampleFiles.Predictions());
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        var problem = await download.JsonAsync();
        Assert.Contains("version 2", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains($"/api/challenges/{_slug}/terms/accept", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var stale = await _competitor.Client.PostAsJsonAsync($"/api/challenges/{_slug}/terms/accept", new { version = 1 });
        var accept = await _competitor.Client.PostAsJsonAsync($"/api/challenges/{_slug}/terms/accept", new { version = 2 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _competitor.Client.GetAsync($"/api/challenges/{_slug}/files/train.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _competitor.SubmitRawAsync(_phaseId, SampleFiles.Predictions())).StatusCode);
    }

    [Fact]
    public async Task AcceptTerms_RecordsOneAcceptance_WhenTheSameVersionIsSentTwice()
    {
        await JoinAsync(_competitor, 1);
        await PublishTermsAsync("Version 2: also no re-identification.");

        var first = await _competitor.Client.PostAsJsonAsync($"/api/challenges/{_slug}/terms/accept", new { version = 2 });
        var again = await _competitor.Client.PostAsJsonAsync($"/api/challenges/{_slug}/terms/accept", new { version = 2 });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        Assert.Equal(1, await db.TermsAcceptances.CountAsync(a => a.Version == 2, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Terms_KeepsEveryVersion_WhenPublishedAgain()
    {
        await PublishTermsAsync("Version 2.");

        var current = await (await _competitor.Client.GetAsync($"/api/challenges/{_slug}/terms")).JsonAsync();

        Assert.Equal(2, current.GetProperty("version").GetInt32());
        Assert.Equal("Version 2.", current.GetProperty("text").GetString());
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var challengeId = await db.Challenges.Where(c => c.Slug == _slug).Select(c => c.Id).SingleAsync();
        var versions = await db.ChallengeTerms.Where(t => t.ChallengeId == challengeId).OrderBy(t => t.Version).Select(t => t.Text).ToListAsync();
        Assert.Equal(["Use the data for this challenge only.", "Version 2."], versions);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.Action == "terms.published"));
    }

    [Fact]
    public async Task Submit_WaitsForApproval_WhenTheChallengeRequiresIt()
    {
        await SetRequiresApprovalAsync();
        var joined = await JoinAsync(_competitor, 1);
        Assert.Equal("pending", joined.GetProperty("status").GetString());

        var pending = await _competitor.SubmitRawAsync(_phaseId, SampleFiles.Predictions());
        Assert.Equal(HttpStatusCode.Forbidden, pending.StatusCode);
        Assert.Contains("approval", (await pending.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await _competitor.Client.GetAsync($"/api/challenges/{_slug}/files/train.csv")).StatusCode);

        var approve = await _organiser.Client.PostAsync($"/api/challenges/{_slug}/participants/{UserIdOf(joined)}/approve", null);

        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _competitor.SubmitRawAsync(_phaseId, SampleFiles.Predictions())).StatusCode);
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "participant.approved" && e.Subject == $"user:{UserIdOf(joined)}"));
    }

    [Fact]
    public async Task Submit_IsRefused_WhenTheRegistrationIsDenied()
    {
        await SetRequiresApprovalAsync();
        var joined = await JoinAsync(_competitor, 1);

        var deny = await _organiser.Client.PostAsync($"/api/challenges/{_slug}/participants/{UserIdOf(joined)}/deny", null);

        Assert.Equal(HttpStatusCode.OK, deny.StatusCode);
        Assert.Equal("denied", (await deny.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await _competitor.SubmitRawAsync(_phaseId, SampleFiles.Predictions())).StatusCode);
        var participants = await (await _organiser.Client.GetAsync($"/api/challenges/{_slug}/participants")).JsonAsync();
        Assert.Equal("denied", Assert.Single(participants.EnumerateArray()).GetProperty("status").GetString());
    }

    private async Task PublishTermsAsync(string text)
        => await ApiSession.EnsureAsync(await _organiser.Client.PostAsJsonAsync($"/api/challenges/{_slug}/terms", new { text }), "publish terms");

    private async Task SetRequiresApprovalAsync()
        => await ApiSession.EnsureAsync(await _organiser.Client.PutAsJsonAsync($"/api/challenges/{_slug}",
            new { title = "Gated", description = "", visibility = "public", requiresApproval = true }), "require approval");

    private async Task<JsonElement> JoinAsync(ApiSession session, int version)
    {
        var response = await session.Client.PostAsJsonAsync($"/api/challenges/{_slug}/join", new { teamName = $"Team {Guid.NewGuid():N}"[..13], acceptedTermsVersion = version });
        await ApiSession.EnsureAsync(response, "join");
        return await response.JsonAsync();
    }

    private static string UserIdOf(JsonElement joined) => joined.GetProperty("userId").GetGuid().ToString();
}
