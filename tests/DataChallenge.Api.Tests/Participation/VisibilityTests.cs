using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Participation;

/// <summary>Draft, public and unlisted challenges; the platform's approval; collaborators.</summary>
public sealed class VisibilityTests : IAsyncLifetime
{
    private const string AdminEmail = "admin@example.org";
    private readonly ServerFactory _server = new();
    private ApiSession _owner = null!;
    private ApiSession _outsider = null!;
    private HttpClient _anonymous = null!;

    public async ValueTask InitializeAsync()
    {
        _owner = await ApiSession.RegisterAsync(_server.CreateClient());
        _outsider = await ApiSession.RegisterAsync(_server.CreateClient());
        _anonymous = _server.CreateClient();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Get_Answers404ToAllButOrganisers_WhenTheChallengeIsADraft()
    {
        var slug = await CreateAsync("draft");

        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.GetAsync($"/api/challenges/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _outsider.Client.GetAsync($"/api/challenges/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _outsider.Client.PostAsJsonAsync($"/api/challenges/{slug}/join", new { teamName = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _owner.Client.GetAsync($"/api/challenges/{slug}")).StatusCode);
        Assert.DoesNotContain(slug, await _outsider.Client.GetStringAsync("/api/challenges"), StringComparison.Ordinal);
        Assert.Contains(slug, await _owner.Client.GetStringAsync("/api/challenges"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NeedsTheSecretKey_WhenTheChallengeIsUnlisted()
    {
        var slug = await CreateAsync("unlisted");
        var key = (await _owner.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{slug}")).GetProperty("accessKey").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.GetAsync($"/api/challenges/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _anonymous.GetAsync($"/api/challenges/{slug}?key=wrong")).StatusCode);
        var withKey = await _anonymous.GetAsync($"/api/challenges/{slug}?key={key}");
        Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
        // Only organisers are shown the secret.
        Assert.Equal(JsonValueKind.Null, (await withKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessKey").ValueKind);
        Assert.DoesNotContain(slug, await _anonymous.GetStringAsync("/api/challenges"), StringComparison.Ordinal);

        // Joined through the link, a participant finds it again without the key.
        await ApiSession.EnsureAsync(await _outsider.Client.PostAsJsonAsync($"/api/challenges/{slug}/join?key={key}", new { teamName = "Linked" }), "join");
        Assert.Equal(HttpStatusCode.OK, (await _outsider.Client.GetAsync($"/api/challenges/{slug}")).StatusCode);
    }

    [Fact]
    public async Task Get_Answers404_UntilAnAdministratorApproves_WhenThePlatformRequiresApproval()
    {
        await using var server = new ServerFactory();
        server.Settings["Platform:RequireChallengeApproval"] = "true";
        server.Settings["Platform:Administrators:0"] = AdminEmail;
        var owner = await ApiSession.RegisterAsync(server.CreateClient());
        var admin = await ApiSession.RegisterAsync(server.CreateClient(), AdminEmail);
        var anonymous = server.CreateClient();
        var slug = $"v-{Guid.NewGuid():N}"[..20];
        await ApiSession.EnsureAsync(await owner.Client.PostAsJsonAsync("/api/challenges", new { slug, title = "Awaiting approval" }), "create challenge");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/challenges/{slug}")).StatusCode);
        Assert.True((await owner.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{slug}")).GetProperty("awaitingPlatformApproval").GetBoolean());

        var byOwner = await owner.Client.PostAsync($"/api/admin/challenges/{slug}/approve", null);
        var byAdmin = await admin.Client.PostAsync($"/api/admin/challenges/{slug}/approve", null);

        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/challenges/{slug}")).StatusCode);
    }

    [Fact]
    public async Task Collaborator_GainsAndLosesOrganiserRights_WhenTheOwnerAddsAndRemovesThem()
    {
        var slug = await CreateAsync("draft");
        var colleague = await ApiSession.RegisterAsync(_server.CreateClient());

        var added = await _owner.Client.PostAsJsonAsync($"/api/challenges/{slug}/collaborators", new { email = colleague.Email });
        Assert.Equal(HttpStatusCode.Accepted, added.StatusCode);
        var collaborators = await _owner.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{slug}/collaborators");
        var colleagueId = collaborators.EnumerateArray().Single(c => c.GetProperty("email").GetString() == colleague.Email).GetProperty("userId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await colleague.Client.GetAsync($"/api/challenges/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.Client.PostAsJsonAsync($"/api/challenges/{slug}/terms", new { text = "Terms." })).StatusCode);
        // Managing organisers stays the owner's.
        Assert.Equal(HttpStatusCode.Forbidden,
            (await colleague.Client.PostAsJsonAsync($"/api/challenges/{slug}/collaborators", new { email = _outsider.Email })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _owner.Client.DeleteAsync($"/api/challenges/{slug}/collaborators/{colleagueId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Client.GetAsync($"/api/challenges/{slug}")).StatusCode);
    }

    private async Task<string> CreateAsync(string visibility)
    {
        var slug = $"v-{Guid.NewGuid():N}"[..20];
        var response = await _owner.Client.PostAsJsonAsync("/api/challenges", new { slug, title = "Visibility " + visibility, visibility });
        await ApiSession.EnsureAsync(response, "create challenge", HttpStatusCode.Created);
        return slug;
    }
}
