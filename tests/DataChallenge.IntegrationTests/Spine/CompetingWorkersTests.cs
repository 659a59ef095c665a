using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.IntegrationTests.Spine;

/// <summary>Two worker processes on one RabbitMQ queue share the scoring; the status endpoint sees both.</summary>
public sealed class CompetingWorkersTests : IAsyncLifetime
{
    private readonly List<WorkerProcess> _workers = [];
    // This process runs the api and leaderboard roles; scoring happens only in the two worker processes.
    private WorkerFleet _fleet = null!;

    public async ValueTask InitializeAsync() => _fleet = await WorkerFleet.StartAsync();

    public ValueTask DisposeAsync() => _fleet.DisposeAsync();

    [Fact]
    public async Task Submissions_AreSharedBetweenWorkers_WhenTwoWorkersConsumeTheQueue()
    {
        var organiser = await ApiSession.RegisterAsync(_fleet.Server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        // Sixteen uploads of one team in a day: more than the default daily limit.
        var phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, unlimitedSubmissionsPerDay: true);
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels(2000));
        for (var i = 0; i < 2; i++) _workers.Add(await _fleet.StartWorkerAsync());

        // A worker logs that it runs before its bus has finished connecting; the broker's count catches up.
        Assert.Equal(2, await ConsumersAsync(organiser, slug, expected: 2));

        var competitor = await ApiSession.RegisterAsync(_fleet.Server.CreateClient());
        await competitor.JoinAsync(slug);
        var ids = new List<Guid>();
        for (var i = 0; i < 16; i++) ids.Add(await competitor.SubmitAsync(phaseId, SampleFiles.Predictions(2000, swaps: i)));
        foreach (var id in ids)
            Assert.Equal("Scored", (await competitor.WaitForOutcomeAsync(id, TimeSpan.FromSeconds(120))).GetProperty("status").GetString());

        var scoredBy = _workers.Select(w => ids.Count(id => w.Mentions(id.ToString()))).ToList();
        Assert.Equal(ids.Count, scoredBy.Sum());
        Assert.All(scoredBy, count => Assert.True(count > 0, $"One worker scored nothing: {string.Join(" / ", scoredBy)}"));
    }

    private static async Task<long> ConsumersAsync(ApiSession organiser, string slug, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = await organiser.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{slug}/status");
            var consumers = status.GetProperty("queue").GetProperty("consumers").GetInt64();
            if (consumers == expected || DateTime.UtcNow > deadline) return consumers;
            await Task.Delay(200);
        }
    }
}
