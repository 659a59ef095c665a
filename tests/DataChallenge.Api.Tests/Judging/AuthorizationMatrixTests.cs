using System.Net;
using System.Net.Http.Json;
using System.Text;
using DataChallenge.Testing.Judging;

namespace DataChallenge.Api.Tests.Judging;

/// <summary>
/// Every judging endpoint against every kind of caller: anonymous, a member of team A (whose submissions are used),
/// a member of team B, an organiser of another challenge, an organiser of this one. The walk runs in one fixed order
/// on one challenge, because some calls (the reveal) change what later ones may see; each cell's exact status is
/// checked and every mismatch is reported at once.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;
    private Guid _submission;
    private Guid _toInvalidate;

    public async ValueTask InitializeAsync()
    {
        _arena = await JudgingArena.StartAsync();
        _submission = await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 1));
        _toInvalidate = await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 2));
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    private sealed record Cell(string Endpoint, string Caller, HttpStatusCode Expected, HttpStatusCode Actual);

    [Fact]
    public async Task EveryJudgingEndpoint_AnswersTheExpectedStatus_ForEveryCaller()
    {
        var phase = $"/api/phases/{_arena.PhaseId}";
        var cells = new List<Cell>();
        //                                                                           anonymous, team A, team B, other organiser, organiser
        await WalkAsync(cells, "GET submission of A", c => c.GetAsync($"/api/submissions/{_submission}"), [401, 200, 404, 404, 200]);
        await WalkAsync(cells, "GET my submissions", c => c.GetAsync($"{phase}/submissions"), [401, 200, 200, 200, 200]);
        await WalkAsync(cells, "GET all submissions", c => c.GetAsync($"{phase}/submissions/all"), [401, 403, 403, 403, 200]);
        await WalkAsync(cells, "GET public board", c => c.GetAsync($"{phase}/leaderboard"), [200, 200, 200, 200, 200]);
        await WalkAsync(cells, "GET private board before reveal", c => c.GetAsync($"{phase}/leaderboard?board=private"), [403, 403, 403, 403, 200]);
        await WalkAsync(cells, "GET finals", c => c.GetAsync($"{phase}/finals"), [401, 200, 200, 403, 403]);
        await WalkAsync(cells, "PUT finals with A's submission", c => c.PutAsJsonAsync($"{phase}/finals", new { submissionIds = new[] { _submission } }),
            [401, 200, 404, 403, 403]);
        await WalkAsync(cells, "GET rescore", c => c.GetAsync($"{phase}/rescore"), [401, 403, 403, 403, 200]);
        await WalkAsync(cells, "POST rescore", c => c.PostAsync($"{phase}/rescore", Empty()), [401, 403, 403, 403, 202]);
        await WalkAsync(cells, "PUT board settings", c => c.PutAsJsonAsync($"{phase}/board-settings", new { hidden = false, anonymise = false }),
            [401, 403, 403, 403, 200]);
        await WalkAsync(cells, "POST invalidate A's submission", c => c.PostAsJsonAsync($"/api/submissions/{_toInvalidate}/invalidate", new { reason = "Rule 3." }),
            [401, 403, 404, 404, 200]);
        await WalkAsync(cells, "POST baseline on A's submission", c => c.PostAsJsonAsync($"/api/submissions/{_submission}/baseline", new { isBaseline = false }),
            [401, 403, 404, 404, 200]);
        await WalkAsync(cells, "POST redispatch A's scored submission", c => c.PostAsync($"/api/submissions/{_submission}/redispatch", Empty()),
            [401, 403, 404, 404, 409]);
        await WalkAsync(cells, "GET audit", c => c.GetAsync($"/api/challenges/{_arena.Slug}/audit"), [401, 404, 404, 404, 200]);
        await WalkAsync(cells, "POST reveal", c => c.PostAsync($"{phase}/reveal", Empty()), [401, 403, 403, 403, 200]);
        await WalkAsync(cells, "GET private board after reveal", c => c.GetAsync($"{phase}/leaderboard?board=private"), [200, 200, 200, 200, 200]);
        await WalkAsync(cells, "GET missing submission", c => c.GetAsync($"/api/submissions/{Guid.NewGuid()}"), [401, 404, 404, 404, 404]);
        await WalkAsync(cells, "POST reveal of a missing phase", c => c.PostAsync($"/api/phases/{Guid.NewGuid()}/reveal", Empty()), [401, 404, 404, 404, 404]);

        var wrong = cells.Where(c => c.Expected != c.Actual).Select(c => $"{c.Endpoint} as {c.Caller}: expected {(int)c.Expected}, got {(int)c.Actual}").ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(18 * 5, cells.Count);
    }

    [Fact]
    public async Task TeamB_CannotReadTeamASubmissions_ThroughAnyRead()
    {
        var one = await _arena.TeamB.Client.GetAsync($"/api/submissions/{_submission}");
        var mine = await _arena.TeamB.Client.GetStringAsync($"/api/phases/{_arena.PhaseId}/submissions");
        var all = await _arena.TeamB.Client.GetAsync($"/api/phases/{_arena.PhaseId}/submissions/all");

        Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        Assert.DoesNotContain(_submission.ToString(), mine);
        Assert.Equal(HttpStatusCode.Forbidden, all.StatusCode);
        Assert.DoesNotContain(_submission.ToString(), await all.Content.ReadAsStringAsync());
    }

    private async Task WalkAsync(List<Cell> cells, string endpoint, Func<HttpClient, Task<HttpResponseMessage>> call, int[] expected)
    {
        var callers = new (string Name, HttpClient Client)[]
        {
            ("anonymous", _arena.Anonymous), ("team A", _arena.TeamA.Client), ("team B", _arena.TeamB.Client),
            ("organiser of another challenge", _arena.OtherOrganiser.Client), ("organiser", _arena.Organiser.Client),
        };
        for (var i = 0; i < callers.Length; i++)
        {
            using var response = await call(callers[i].Client);
            cells.Add(new Cell(endpoint, callers[i].Name, (HttpStatusCode)expected[i], response.StatusCode));
        }
    }

    private static StringContent Empty() => new("", Encoding.UTF8, "application/json");
}
