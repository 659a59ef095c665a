using DataChallenge.Testing;

namespace DataChallenge.Web.Tests;

/// <summary>A challenge with one open phase whose labels are uploaded, created through the API as an organiser would.</summary>
public sealed class Scenario
{
    private Scenario(ApiSession organiser, string slug, Guid phaseId)
    {
        Organiser = organiser;
        Slug = slug;
        PhaseId = phaseId;
    }

    public ApiSession Organiser { get; }
    public string Slug { get; }
    public Guid PhaseId { get; }

    public static async Task<Scenario> CreateAsync(ServerFactory server)
    {
        var organiser = await ApiSession.RegisterAsync(server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, maxFileBytes: 100_000);
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());
        return new Scenario(organiser, slug, phaseId);
    }

    /// <summary>A new competitor joins as <paramref name="teamName"/>, submits, and the board counts the score.</summary>
    public async Task<ApiSession> ScoreAsync(ServerFactory server, string teamName, string predictions, int boardEntries)
    {
        var competitor = await ApiSession.RegisterAsync(server.CreateClient());
        await competitor.JoinAsync(Slug, teamName);
        await competitor.WaitForOutcomeAsync(await competitor.SubmitAsync(PhaseId, predictions));
        await competitor.LeaderboardWithEntriesAsync(PhaseId, boardEntries);
        return competitor;
    }
}
