using DataChallenge.Testing;

namespace DataChallenge.Cli.Tests.Remote;

/// <summary>A server with one challenge whose single phase is open and ready, and a competitor who joined it.</summary>
public sealed class OpenChallenge : IAsyncDisposable
{
    private OpenChallenge(ServerFactory server, ApiSession organiser, ApiSession competitor, string slug, Guid phaseId)
    {
        Server = server;
        Organiser = organiser;
        Competitor = competitor;
        Slug = slug;
        PhaseId = phaseId;
    }

    public ServerFactory Server { get; }
    public ApiSession Organiser { get; }
    public ApiSession Competitor { get; }
    public string Slug { get; }
    public Guid PhaseId { get; }

    public static async Task<OpenChallenge> StartAsync(ServerFactory? server = null)
    {
        server ??= new ServerFactory();
        var organiser = await ApiSession.RegisterAsync(server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig);
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());
        var competitor = await ApiSession.RegisterAsync(server.CreateClient());
        await competitor.JoinAsync(slug, "Team CLI");
        return new OpenChallenge(server, organiser, competitor, slug, phaseId);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
