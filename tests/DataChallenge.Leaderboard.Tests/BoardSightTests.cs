using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Leaderboard.Tests;

/// <summary>Board reads (JSON, private board, live stream) follow the same sight rule as the challenge itself.</summary>
public sealed class BoardSightTests : OwnerAndOutsiderTests
{
    [Fact]
    public async Task Board_Answers404ToAllButOrganisers_WhenTheChallengeIsADraft()
    {
        var phaseId = await PhaseOfAsync("draft");

        foreach (var client in new[] { Anonymous, Outsider.Client })
        {
            foreach (var read in BoardReads(phaseId)) Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client, read));
        }
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Owner.Client, $"/api/phases/{phaseId}/leaderboard"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Owner.Client, $"/api/phases/{phaseId}/leaderboard/live"));
    }

    [Fact]
    public async Task Board_NeedsTheSecretKey_WhenTheChallengeIsUnlisted()
    {
        var slug = await Owner.CreateChallengeAsync(visibility: "unlisted");
        var phaseId = await Owner.CreatePhaseAsync(slug, SampleFiles.BinaryConfig);
        var key = (await Owner.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{slug}")).GetProperty("accessKey").GetString();

        foreach (var read in BoardReads(phaseId)) Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(Anonymous, read));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(Anonymous, $"/api/phases/{phaseId}/leaderboard?key=wrong"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Anonymous, $"/api/phases/{phaseId}/leaderboard?key={key}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Anonymous, $"/api/phases/{phaseId}/leaderboard/live?key={key}"));
    }

    [Fact]
    public async Task Board_Answers404_UntilAnAdministratorApproves_WhenThePlatformRequiresApproval()
    {
        await using var server = new ServerFactory();
        server.Settings["Platform:RequireChallengeApproval"] = "true";
        var owner = await ApiSession.RegisterAsync(server.CreateClient());
        var slug = await owner.CreateChallengeAsync(visibility: "public");
        var phaseId = await owner.CreatePhaseAsync(slug, SampleFiles.BinaryConfig);

        foreach (var read in BoardReads(phaseId)) Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(server.CreateClient(), read));
    }

    [Fact]
    public async Task Board_IsEveryonesToRead_WhenTheChallengeIsPublic()
    {
        var phaseId = await PhaseOfAsync("public");

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Anonymous, $"/api/phases/{phaseId}/leaderboard"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Anonymous, $"/api/phases/{phaseId}/leaderboard/live"));
    }

    [Fact]
    public async Task Board_Answers404AtOnce_WhenAPublicChallengeIsMadeADraftRightAfterBeingRead()
    {
        var slug = await Owner.CreateChallengeAsync(visibility: "public");
        var phaseId = await Owner.CreatePhaseAsync(slug, SampleFiles.BinaryConfig);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(Anonymous, $"/api/phases/{phaseId}/leaderboard"));

        // Whatever a read keeps for the next one, a change of the sight rule must take effect on the very next read.
        await ApiSession.EnsureAsync(await Owner.Client.PutAsJsonAsync($"/api/challenges/{slug}",
            new { title = "Withdrawn", visibility = "draft", requiresApproval = false }), "make draft");

        foreach (var read in BoardReads(phaseId)) Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(Anonymous, read));
    }

    private static string[] BoardReads(Guid phaseId) =>
    [
        $"/api/phases/{phaseId}/leaderboard",
        $"/api/phases/{phaseId}/leaderboard?board=private",
        $"/api/phases/{phaseId}/leaderboard/live",
        $"/phases/{phaseId}/leaderboard?handler=csv",
    ];

    // Only the headers are awaited: the live stream never ends by itself.
    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }

    private async Task<Guid> PhaseOfAsync(string visibility)
        => await Owner.CreatePhaseAsync(await Owner.CreateChallengeAsync(visibility: visibility), SampleFiles.BinaryConfig);
}
