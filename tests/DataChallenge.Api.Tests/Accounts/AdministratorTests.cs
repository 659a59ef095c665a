using System.Net;
using DataChallenge.Server;
using DataChallenge.Testing;
using Microsoft.Extensions.Configuration;

namespace DataChallenge.Api.Tests.Accounts;

/// <summary>Administrators are granted by the server's command, or listed by address once that address is confirmed.</summary>
public sealed class AdministratorTests : IAsyncLifetime
{
    private const string ListedAddress = "admin@example.org";
    private readonly ServerFactory _server = new()
    {
        Settings = { ["Platform:RequireChallengeApproval"] = "true", ["Platform:Administrators:0"] = ListedAddress },
    };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Approve_Answers403_WhenSomeoneRegistersTheListedAddressWithoutConfirmingIt()
    {
        var slug = await (await ApiSession.RegisterAsync(_server.CreateClient())).CreateChallengeAsync();
        var squatter = await ApiSession.RegisterAsync(_server.CreateClient(), ListedAddress, confirmAddress: false);

        var response = await squatter.Client.PostAsync($"/api/admin/challenges/{slug}/approve", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Approve_FollowsTheAdminCommand_WhenItGrantsThenRevokes()
    {
        var slug = await (await ApiSession.RegisterAsync(_server.CreateClient())).CreateChallengeAsync();
        var person = await ApiSession.RegisterAsync(_server.CreateClient());
        Assert.Equal(HttpStatusCode.Forbidden, (await person.Client.PostAsync($"/api/admin/challenges/{slug}/approve", null)).StatusCode);

        var granted = await RunAdminCommandAsync("grant", person.Email);
        var afterGrant = await person.Client.PostAsync($"/api/admin/challenges/{slug}/approve", null);
        var revoked = await RunAdminCommandAsync("revoke", person.Email);
        var afterRevoke = await person.Client.PostAsync($"/api/admin/challenges/{slug}/approve", null);

        Assert.Equal((0, $"{person.Email} is now a platform administrator."), granted);
        Assert.Equal(HttpStatusCode.OK, afterGrant.StatusCode);
        Assert.Equal(0, revoked.Code);
        Assert.Equal(HttpStatusCode.Forbidden, afterRevoke.StatusCode);
    }

    [Fact]
    public async Task AdminCommand_Exits1_WhenNoAccountHasTheAddress()
    {
        await ApiSession.RegisterAsync(_server.CreateClient());

        Assert.Equal((1, "No account has the address nobody@example.org."), await RunAdminCommandAsync("grant", "nobody@example.org"));
        Assert.Equal(64, (await RunAdminCommandAsync("promote", "nobody@example.org")).Code);
    }

    private async Task<(int Code, string Output)> RunAdminCommandAsync(string verb, string email)
    {
        var output = new StringWriter();
        var code = await AdminCommand.RunAsync(["admin", verb, email], new ConfigurationBuilder().Build(), _server.DataFolder, output);
        return (code, output.ToString().Trim());
    }
}
