using System.Net;
using System.Net.Http.Json;
using DataChallenge.Api.Tests.Participation;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Registration;

/// <summary>Registration answers can name a person: only the challenge's organisers ever read them.</summary>
public sealed class RegistrationAnswerPrivacyTests : IAsyncLifetime
{
    // A value no page would show unless it read the answers.
    private readonly string _secret = $"Clinic-{Guid.NewGuid():N}";
    private readonly ServerFactory _server = new();
    private ApiSession _organiser = null!;
    private ApiSession _answerer = null!;
    private ApiSession _otherParticipant = null!;
    private string _slug = "";
    private Guid _phaseId;
    private Guid _affiliation;

    public async ValueTask InitializeAsync()
    {
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        _slug = await _organiser.CreateChallengeAsync();
        _phaseId = await _organiser.CreateReadyPhaseAsync(_slug);
        _affiliation = await _organiser.AskAsync(_slug, "affiliation", "Affiliation", required: true);
        _answerer = await ApiSession.RegisterAsync(_server.CreateClient());
        await ApiSession.EnsureAsync(await _answerer.JoinAnsweringAsync(_slug, new() { [_affiliation] = _secret }), "join");
        await _answerer.WaitForOutcomeAsync(await _answerer.SubmitAsync(_phaseId, SampleFiles.Predictions()));
        _otherParticipant = await ApiSession.RegisterAsync(_server.CreateClient());
        await ApiSession.EnsureAsync(await _otherParticipant.JoinAnsweringAsync(_slug, new() { [_affiliation] = "Elsewhere" }), "join");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("/registration-answers")]
    [InlineData("/registration-answers.csv")]
    public async Task Answers_Answer404_WhenAnotherParticipantASpectatorOrAVisitorAsks(string path)
    {
        var spectator = await ApiSession.RegisterAsync(_server.CreateClient());

        var asked = new[]
        {
            await _otherParticipant.Client.GetAsync($"/api/challenges/{_slug}{path}"),
            await _answerer.Client.GetAsync($"/api/challenges/{_slug}{path}"),
            await spectator.Client.GetAsync($"/api/challenges/{_slug}{path}"),
            await _server.CreateClient().GetAsync($"/api/challenges/{_slug}{path}"),
        };

        Assert.All(asked, response => Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized, $"{response.StatusCode}"));
        Assert.All(asked, response => Assert.DoesNotContain(_secret, response.Content.ReadAsStringAsync().Result, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Questions_CannotBeChanged_WhenAParticipantTries()
    {
        var add = await _otherParticipant.Client.PostAsJsonAsync($"/api/challenges/{_slug}/registration-questions", new { kind = "text", prompt = "Why?" });
        var remove = await _otherParticipant.Client.DeleteAsync($"/api/challenges/{_slug}/registration-questions/{_affiliation}");

        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
    }

    [Fact]
    public async Task PublicPagesAndBoards_DoNotContainAnswers_WhenOthersReadThem()
    {
        // The board shows the answerer's team: the pages below are read, not merely refused.
        var board = await _otherParticipant.LeaderboardWithEntriesAsync(_phaseId, 1);
        Assert.Equal(1, board.GetProperty("rows").GetArrayLength());
        var visitor = _server.CreateClient();
        var paths = new[]
        {
            $"/challenges/{_slug}", $"/api/challenges/{_slug}", "/api/challenges", "/", $"/api/phases/{_phaseId}/leaderboard", $"/phases/{_phaseId}/leaderboard",
            $"/api/challenges/{_slug}/participants", $"/api/challenges/{_slug}/registration-questions", $"/challenges/{_slug}/team",
        };

        foreach (var path in paths)
        {
            foreach (var client in new[] { visitor, _otherParticipant.Client })
            {
                var body = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
                Assert.DoesNotContain(_secret, body, StringComparison.Ordinal);
            }
        }
    }
}
