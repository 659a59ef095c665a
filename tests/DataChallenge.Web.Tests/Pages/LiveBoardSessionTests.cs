using System.Net;
using System.Net.Http.Json;
using DataChallenge.Testing;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>
/// A signed-in person's board page keeps its live stream open for hours, and a request holds what its scope built for as
/// long as it lasts: the session's stamp must be checked in a scope of its own, or every open board page of a competitor
/// holds an account manager and a database context out of the shared pool.
/// </summary>
public sealed class LiveBoardSessionTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private readonly SignInManagerCount _signInManagers;

    public LiveBoardSessionTests() => _signInManagers = new SignInManagerCount(_server);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task SignedInViewer_LiveStreamHoldsNoSignInManager_AndTheSessionIsStillChecked()
    {
        var scenario = await Scenario.CreateAsync(_server);
        var person = await PageBrowser.SignUpAsync(_server);

        _signInManagers.Reset();
        using (var stream = await person.Browser.GetAsync($"/api/phases/{scenario.PhaseId}/leaderboard/live", HttpCompletionOption.ResponseHeadersRead,
                   TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
            using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
            Assert.Equal("event: board", await reader.ReadLineAsync(TestContext.Current.CancellationToken));
        }
        Assert.Equal(0, _signInManagers.InRequestScope);

        // The stamp is still checked: a new password ends the page session at once.
        var teamPage = $"/challenges/{scenario.Slug}/team";
        Assert.False(SendsToSignIn(await person.Browser.GetAsync(teamPage, TestContext.Current.CancellationToken)), "The session did not open the team page.");
        await ApiSession.EnsureAsync(await person.Api.Client.PostAsJsonAsync("/api/account/manage/info",
            new { oldPassword = ApiSession.Password, newPassword = ApiSession.Password + "-changed" }, TestContext.Current.CancellationToken), "change the password");
        Assert.True(SendsToSignIn(await person.Browser.GetAsync(teamPage, TestContext.Current.CancellationToken)), "The session outlived the password.");
    }

    private static bool SendsToSignIn(HttpResponseMessage page)
        => page.StatusCode == HttpStatusCode.Redirect && page.Headers.Location?.ToString().Contains("/account/signin", StringComparison.Ordinal) == true;
}
