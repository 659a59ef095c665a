namespace DataChallenge.Testing;

/// <summary>A server with one organiser and one empty challenge: where most API and page tests start.</summary>
public sealed class ChallengeStage : IAsyncDisposable
{
    private ChallengeStage(ServerFactory server) => Server = server;

    public ServerFactory Server { get; }
    public ApiSession Organiser { get; private set; } = null!;
    public string Slug { get; private set; } = "";

    public static async Task<ChallengeStage> StartAsync()
    {
        var stage = new ChallengeStage(new ServerFactory());
        stage.Organiser = await ApiSession.RegisterAsync(stage.Server.CreateClient());
        stage.Slug = await stage.Organiser.CreateChallengeAsync();
        return stage;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
