using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Api.Tests.Participation;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Teams;

/// <summary>Create, invite, join, leave; one team per user; size limit; the quota is the team's.</summary>
public sealed class TeamTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private ApiSession _organiser = null!;
    private ApiSession _alice = null!;
    private ApiSession _bob = null!;
    private string _slug = "";

    public async ValueTask InitializeAsync()
    {
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        _slug = await _organiser.CreateChallengeAsync();
        _alice = await ApiSession.RegisterAsync(_server.CreateClient());
        _bob = await ApiSession.RegisterAsync(_server.CreateClient());
        await _alice.JoinAsync(_slug);
        await _bob.JoinAsync(_slug);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Join_PutsBothInOneTeam_WhenTheInviteCodeIsUsed()
    {
        var team = await CreateTeamAsync(_alice, "  Gradient Descenders  ");
        Assert.Equal("Gradient Descenders", team.GetProperty("name").GetString());

        var joined = await _bob.Client.PostAsJsonAsync($"/api/challenges/{_slug}/teams/join", new { inviteCode = team.GetProperty("inviteCode").GetString() });

        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        var mine = await (await _alice.Client.GetAsync($"/api/challenges/{_slug}/team")).JsonAsync();
        Assert.Equal(2, mine.GetProperty("members").GetArrayLength());
        Assert.Equal(mine.GetProperty("id").GetGuid(), (await (await _bob.Client.GetAsync($"/api/challenges/{_slug}/team")).JsonAsync()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Join_Answers404_WhenTheInviteCodeIsWrongOrFromAnotherChallenge()
    {
        var otherSlug = await _organiser.CreateChallengeAsync();
        var carol = await ApiSession.RegisterAsync(_server.CreateClient());
        await carol.JoinAsync(otherSlug);
        var foreign = await (await carol.Client.GetAsync($"/api/challenges/{otherSlug}/team")).JsonAsync();

        var guessed = await _bob.Client.PostAsJsonAsync($"/api/challenges/{_slug}/teams/join", new { inviteCode = "aaaaaaaa" });
        var crossed = await _bob.Client.PostAsJsonAsync($"/api/challenges/{_slug}/teams/join", new { inviteCode = foreign.GetProperty("inviteCode").GetString() });

        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.True(foreign.GetProperty("inviteCode").GetString()!.Length >= 32);
    }

    [Fact]
    public async Task Join_Answers409_WhenTheTeamIsFull()
    {
        await ApiSession.EnsureAsync(await _organiser.Client.PutAsJsonAsync($"/api/challenges/{_slug}",
            new { title = "Small teams", visibility = "public", requiresApproval = false, maxTeamSize = 1 }), "limit team size");
        var alice = await (await _alice.Client.GetAsync($"/api/challenges/{_slug}/team")).JsonAsync();

        var joined = await _bob.Client.PostAsJsonAsync($"/api/challenges/{_slug}/teams/join", new { inviteCode = alice.GetProperty("inviteCode").GetString() });

        Assert.Equal(HttpStatusCode.Conflict, joined.StatusCode);
        Assert.Contains("at most 1", (await joined.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leave_Works_OnlyBeforeTheTeamsFirstSubmission()
    {
        var team = await CreateTeamAsync(_alice, "Leavers");
        var code = team.GetProperty("inviteCode").GetString();
        await ApiSession.EnsureAsync(await _bob.Client.PostAsJsonAsync($"/api/challenges/{_slug}/teams/join", new { inviteCode = code }), "join team");

        var left = await _bob.Client.PostAsync($"/api/challenges/{_slug}/team/leave", null);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.NotEqual(team.GetProperty("id").GetGuid(), (await left.JsonAsync()).GetProperty("id").GetGuid());

        await ApiSession.EnsureAsync(await _bob.Client.PostAsJsonAsync($"/api/challenges/{_slug}/teams/join", new { inviteCode = code }), "join team again");
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug);
        await _alice.SubmitAsync(phaseId, SampleFiles.Predictions());

        var locked = await _bob.Client.PostAsync($"/api/challenges/{_slug}/team/leave", null);
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("submitted already", (await locked.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UsesTheTeamsQuota_WhateverMemberUploads()
    {
        var team = await CreateTeamAsync(_alice, "Shared quota");
        await ApiSession.EnsureAsync(await _bob.Client.PostAsJsonAsync($"/api/challenges/{_slug}/teams/join",
            new { inviteCode = team.GetProperty("inviteCode").GetString() }), "join team");
        var phaseId = await _organiser.CreateReadyPhaseAsync(_slug, maxSubmissionsPerDay: 1);

        Assert.Equal(HttpStatusCode.Accepted, (await _alice.SubmitRawAsync(phaseId, SampleFiles.Predictions())).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await _bob.SubmitRawAsync(phaseId, SampleFiles.Predictions())).StatusCode);
        Assert.Equal(1, await _bob.MySubmissionCountAsync(phaseId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("A name far too long for any team here, over sixty characters long")]
    public async Task Create_Answers400_WhenTheNameIsEmptyOrTooLong(string name)
    {
        var response = await _alice.Client.PostAsJsonAsync($"/api/challenges/{_slug}/teams", new { name });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Create_KeepsMarkupAsText_WhenTheNameLooksLikeHtml()
    {
        const string name = "<script>alert('x')</script>";

        var created = await _alice.Client.PostAsJsonAsync($"/api/challenges/{_slug}/teams", new { name });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var response = await _alice.Client.GetAsync($"/api/challenges/{_slug}/team");
        // Served as JSON data, never as a page, and kept verbatim: pages put it in with textContent.
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(name, (await response.JsonAsync()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Create_MovesTheUser_SoThatNobodyIsInTwoTeams()
    {
        var first = await CreateTeamAsync(_alice, "First");
        var second = await CreateTeamAsync(_alice, "Second");

        var mine = await (await _alice.Client.GetAsync($"/api/challenges/{_slug}/team")).JsonAsync();
        Assert.Equal(second.GetProperty("id").GetGuid(), mine.GetProperty("id").GetGuid());
        var participants = await (await _organiser.Client.GetAsync($"/api/challenges/{_slug}/participants")).JsonAsync();
        Assert.Single(participants.EnumerateArray(), p => p.GetProperty("email").GetString() == _alice.Email);
        // The first team, left empty before any submission, is gone: its code opens nothing.
        var stale = await _bob.Client.PostAsJsonAsync($"/api/challenges/{_slug}/teams/join", new { inviteCode = first.GetProperty("inviteCode").GetString() });
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
    }

    private async Task<JsonElement> CreateTeamAsync(ApiSession session, string name)
    {
        var response = await session.Client.PostAsJsonAsync($"/api/challenges/{_slug}/teams", new { name });
        await ApiSession.EnsureAsync(response, "create team", HttpStatusCode.Created);
        return await response.JsonAsync();
    }
}
