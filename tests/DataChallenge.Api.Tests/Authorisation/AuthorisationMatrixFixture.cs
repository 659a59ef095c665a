using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Authorisation;

/// <summary>One server and the five kinds of caller the matrix walks; each cell builds its own challenge on it.</summary>
public sealed class AuthorisationMatrixFixture : IAsyncLifetime
{
    public ServerFactory Server { get; } = new();
    public HttpClient Anonymous { get; private set; } = null!;
    public ApiSession TeamA { get; private set; } = null!;
    public ApiSession TeamB { get; private set; } = null!;
    public ApiSession Organiser { get; private set; } = null!;
    public ApiSession OtherOrganiser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Anonymous = Server.CreateClient();
        TeamA = await ApiSession.RegisterAsync(Server.CreateClient());
        TeamB = await ApiSession.RegisterAsync(Server.CreateClient());
        Organiser = await ApiSession.RegisterAsync(Server.CreateClient());
        OtherOrganiser = await ApiSession.RegisterAsync(Server.CreateClient());
        await OtherOrganiser.CreateChallengeAsync();
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    public HttpClient ClientOf(string caller) => caller switch
    {
        "anonymous" => Anonymous,
        "teamA" => TeamA.Client,
        "teamB" => TeamB.Client,
        "organiser" => Organiser.Client,
        "otherOrganiser" => OtherOrganiser.Client,
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };
}
