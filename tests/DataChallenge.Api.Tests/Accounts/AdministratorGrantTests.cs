using System.Net;
using System.Net.Http.Json;
using DataChallenge.Api.Tests.Participation;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Tests.Accounts;

/// <summary>An administrator grants and revokes the administrator role of other accounts, by confirmed address, and each change is kept.</summary>
public sealed class AdministratorGrantTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new() { Settings = { ["Platform:RequireChallengeApproval"] = "true" } };
    private ApiSession _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _admin = await ApiSession.RegisterAsync(_server.CreateClient());
        await using var scope = _server.Services.CreateAsyncScope();
        Assert.True(await PlatformAdministrators.GrantAsync(scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>(), _admin.Email, CancellationToken.None));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task AdministratorEndpoints_Answer404_WhenTheCallerIsNotAnAdministrator()
    {
        var intruder = await ApiSession.RegisterAsync(_server.CreateClient());

        var list = await intruder.Client.GetAsync("/api/admin/administrators");
        var grantSelf = await intruder.Client.PostAsJsonAsync("/api/admin/administrators", new { email = intruder.Email });
        var revokeAdmin = await intruder.Client.PostAsJsonAsync("/api/admin/administrators/revoke", new { email = _admin.Email });

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, grantSelf.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revokeAdmin.StatusCode);
        Assert.False(await IsAdministratorAsync(intruder.Email));
        Assert.True(await IsAdministratorAsync(_admin.Email));
    }

    [Fact]
    public async Task Grant_Answers400_WhenTheAddressIsNotConfirmed()
    {
        var squatter = await ApiSession.RegisterAsync(_server.CreateClient(), confirmAddress: false);

        var response = await _admin.Client.PostAsJsonAsync("/api/admin/administrators", new { email = squatter.Email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("No account has confirmed this address.", (await response.JsonAsync()).GetProperty("title").GetString());
        Assert.False(await IsAdministratorAsync(squatter.Email));
    }

    [Fact]
    public async Task GrantThenRevoke_ChangeTheRoleAndAreRecorded_WhenAnAdministratorActs()
    {
        var colleague = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await colleague.CreateChallengeAsync();

        var grant = await _admin.Client.PostAsJsonAsync("/api/admin/administrators", new { email = colleague.Email.ToUpperInvariant() });
        var approveAsGranted = await colleague.Client.PostAsync($"/api/admin/challenges/{slug}/approve", null);
        var listed = await (await colleague.Client.GetAsync("/api/admin/administrators")).JsonAsync();
        var revoke = await _admin.Client.PostAsJsonAsync("/api/admin/administrators/revoke", new { email = colleague.Email });
        var listAfterRevoke = await colleague.Client.GetAsync("/api/admin/administrators");

        Assert.Equal(HttpStatusCode.NoContent, grant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approveAsGranted.StatusCode);
        Assert.Equal(new[] { _admin.Email, colleague.Email }.Order(StringComparer.Ordinal),
            listed.EnumerateArray().Select(a => a.GetProperty("email").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, listAfterRevoke.StatusCode);
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var colleagueId = await db.Users.Where(u => u.Email == colleague.Email).Select(u => u.Id).SingleAsync();
        var changes = await db.AdministratorChanges.Where(c => c.UserId == colleagueId).OrderBy(c => c.Id).Select(c => c.Action).ToListAsync();
        Assert.Equal(["granted", "revoked"], changes);
    }

    [Fact]
    public async Task Revoke_Answers409_WhenAnAdministratorRevokesThemself()
    {
        var response = await _admin.Client.PostAsJsonAsync("/api/admin/administrators/revoke", new { email = _admin.Email });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.True(await IsAdministratorAsync(_admin.Email));
    }

    private async Task<bool> IsAdministratorAsync(string email)
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await PlatformAdministrators.IsAdministratorAsync(db, new(), id, CancellationToken.None);
    }
}
