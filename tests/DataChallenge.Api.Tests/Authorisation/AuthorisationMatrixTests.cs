using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Api.Tests.Participation;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Authorisation;

/// <summary>
/// Every endpoint of the competition rules that takes an id, called by each kind of caller, with the exact status
/// expected. Each cell runs against a fresh public challenge where team A and team B joined (accepting terms v1).
/// </summary>
public sealed class AuthorisationMatrixTests(AuthorisationMatrixFixture fixture) : IClassFixture<AuthorisationMatrixFixture>
{
    private sealed record World(string Slug, Guid PhaseId, Guid TeamAUserId, string TeamAInviteCode);

    // endpoint, then the status for: anonymous, team A, team B, organiser of this challenge, organiser of another.
    private static readonly (string Endpoint, int[] Statuses)[] Table =
    [
        ("GET challenge", [200, 200, 200, 200, 200]),
        ("GET draft challenge", [404, 404, 404, 200, 404]),
        ("PUT challenge", [401, 403, 403, 200, 403]),
        ("GET terms", [200, 200, 200, 200, 200]),
        ("POST terms", [401, 403, 403, 200, 403]),
        ("POST terms/accept", [401, 200, 200, 403, 403]),
        ("GET participants", [401, 403, 403, 200, 403]),
        ("POST participants/approve", [401, 403, 403, 200, 403]),
        ("POST participants/deny", [401, 403, 403, 200, 403]),
        ("POST collaborators", [401, 403, 403, 202, 403]),
        ("DELETE collaborators", [401, 403, 403, 404, 403]),
        ("GET team", [401, 200, 200, 404, 404]),
        ("POST teams", [401, 201, 201, 403, 403]),
        ("POST teams/join", [401, 200, 200, 403, 403]),
        ("POST team/leave", [401, 409, 409, 404, 404]),
        ("GET phase", [200, 200, 200, 200, 200]),
        ("PUT phase", [401, 403, 403, 200, 403]),
        ("POST submissions", [401, 202, 202, 403, 403]),
        ("GET submission of team A", [401, 200, 404, 200, 404]),
        ("GET files", [200, 200, 200, 200, 200]),
        ("GET file", [401, 200, 200, 200, 403]),
        ("PUT file", [401, 403, 403, 200, 403]),
        ("POST admin approve", [401, 403, 403, 403, 403]),
    ];

    private static readonly string[] Callers = ["anonymous", "teamA", "teamB", "organiser", "otherOrganiser"];

    public static TheoryData<string, string, int> Cells()
    {
        var cells = new TheoryData<string, string, int>();
        foreach (var (endpoint, statuses) in Table)
            for (var i = 0; i < Callers.Length; i++) cells.Add(endpoint, Callers[i], statuses[i]);
        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Endpoint_AnswersTheExpectedStatus_ForEachCaller(string endpoint, string caller, int expected)
    {
        var world = await CreateWorldAsync();
        var client = fixture.ClientOf(caller);

        var response = await CallAsync(endpoint, world, client);

        Assert.True(expected == (int)response.StatusCode, $"{endpoint} as {caller}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<HttpResponseMessage> CallAsync(string endpoint, World w, HttpClient client)
    {
        var c = $"/api/challenges/{w.Slug}";
        switch (endpoint)
        {
            case "GET challenge": return await client.GetAsync(c);
            case "GET draft challenge":
                await ApiSession.EnsureAsync(await fixture.Organiser.Client.PutAsJsonAsync(c, new { title = "Draft", visibility = "draft", requiresApproval = false }), "make draft");
                return await client.GetAsync(c);
            case "PUT challenge": return await client.PutAsJsonAsync(c, new { title = "Renamed", visibility = "public", requiresApproval = false });
            case "GET terms": return await client.GetAsync($"{c}/terms");
            case "POST terms": return await client.PostAsJsonAsync($"{c}/terms", new { text = "Version 2." });
            case "POST terms/accept": return await client.PostAsJsonAsync($"{c}/terms/accept", new { version = 1 });
            case "GET participants": return await client.GetAsync($"{c}/participants");
            case "POST participants/approve": return await client.PostAsync($"{c}/participants/{w.TeamAUserId}/approve", null);
            case "POST participants/deny": return await client.PostAsync($"{c}/participants/{w.TeamAUserId}/deny", null);
            case "POST collaborators": return await client.PostAsJsonAsync($"{c}/collaborators", new { email = fixture.OtherOrganiser.Email });
            case "DELETE collaborators": return await client.DeleteAsync($"{c}/collaborators/{Guid.NewGuid()}");
            case "GET team": return await client.GetAsync($"{c}/team");
            case "POST teams": return await client.PostAsJsonAsync($"{c}/teams", new { name = "New " + Guid.NewGuid().ToString("N")[..8] });
            case "POST teams/join": return await client.PostAsJsonAsync($"{c}/teams/join", new { inviteCode = w.TeamAInviteCode });
            case "POST team/leave": return await client.PostAsync($"{c}/team/leave", null);
            case "GET phase": return await client.GetAsync($"/api/phases/{w.PhaseId}");
            case "PUT phase": return await client.PutAsJsonAsync($"/api/phases/{w.PhaseId}", new { name = "Edited", opensAt = DateTimeOffset.UtcNow.AddDays(-1) });
            case "POST submissions":
                return await client.PostAsync($"/api/phases/{w.PhaseId}/submissions", new StringContent(SampleFiles.Predictions(), Encoding.UTF8, "text/csv"));
            case "GET submission of team A":
                var id = await fixture.TeamA.SubmitAsync(w.PhaseId, SampleFiles.Predictions());
                return await client.GetAsync($"/api/submissions/{id}");
            case "GET files": return await client.GetAsync($"{c}/files");
            case "GET file": return await client.GetAsync($"{c}/files/train.csv");
            case "PUT file": return await client.PutAsync($"{c}/files/train.csv", new StringContent("id,x\n1,3\n", Encoding.UTF8, "text/csv"));
            case "POST admin approve": return await client.PostAsync($"/api/admin/challenges/{w.Slug}/approve", null);
            default: throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null);
        }
    }

    private async Task<World> CreateWorldAsync()
    {
        var organiser = fixture.Organiser;
        var slug = await organiser.CreateChallengeAsync();
        await ApiSession.EnsureAsync(await organiser.Client.PostAsJsonAsync($"/api/challenges/{slug}/terms", new { text = "Version 1." }), "publish terms");
        var phaseId = await organiser.CreateReadyPhaseAsync(slug, DateTimeOffset.UtcNow.AddDays(-1));
        await ApiSession.EnsureAsync(await organiser.Client.PutAsync($"/api/challenges/{slug}/files/train.csv",
            new StringContent("id,x\n1,2\n", Encoding.UTF8, "text/csv")), "upload public file");
        var joinedA = await JoinAsync(fixture.TeamA, slug, "A");
        await JoinAsync(fixture.TeamB, slug, "B");
        var teamA = await fixture.TeamA.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{slug}/team");
        return new World(slug, phaseId, joinedA.GetProperty("userId").GetGuid(), teamA.GetProperty("inviteCode").GetString()!);
    }

    private static async Task<JsonElement> JoinAsync(ApiSession session, string slug, string team)
    {
        var response = await session.Client.PostAsJsonAsync($"/api/challenges/{slug}/join", new { teamName = team, acceptedTermsVersion = 1 });
        await ApiSession.EnsureAsync(response, "join");
        return await response.JsonAsync();
    }
}
