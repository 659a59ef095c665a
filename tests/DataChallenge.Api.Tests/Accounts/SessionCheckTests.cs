using System.Net;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Accounts;

/// <summary>
/// The session stamp is read where a session is presented and nowhere else: a request lasts as long as its scope, and a
/// live board stream lasts hours, so a sign-in manager built for an anonymous viewer would hold an account manager and
/// a database context for ten thousand viewers at once.
/// </summary>
public sealed class SessionCheckTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();
    private readonly SignInManagerCount _signInManagers;

    public SessionCheckTests() => _signInManagers = new SignInManagerCount(_server);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task AnonymousRequests_BuildNoSignInManager_WhileSignedInOnesAreStillChecked()
    {
        var person = await ApiSession.RegisterAsync(_server.CreateClient());
        var anonymous = _server.CreateClient();

        _signInManagers.Reset();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/challenges")).StatusCode);
        Assert.Equal(0, _signInManagers.All);

        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync("/api/account/manage/info")).StatusCode);
        Assert.True(_signInManagers.All > 0, "A signed-in request was not checked against the account's stamp.");
    }
}
