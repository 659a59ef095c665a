using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Cli.Tests.Remote;
using DataChallenge.Testing;

namespace DataChallenge.Cli.Tests.Commands;

/// <summary><c>reveal</c> and <c>rescore</c> against the real judging endpoints of a server running in-process.</summary>
public sealed class JudgingCommandsLiveTests : IAsyncLifetime
{
    private OpenChallenge _challenge = null!;
    private CliSession _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _challenge = await OpenChallenge.StartAsync();
        _cli = new CliSession(_challenge.Server);
        var (_, token) = await CliSession.CreateTokenAsync(_challenge.Organiser);
        Assert.Equal(0, _cli.Run("login", "--server", CliSession.Server, "--token", token).Code);
        var submission = await _challenge.Competitor.SubmitAsync(_challenge.PhaseId, SampleFiles.Predictions(60, swaps: 0));
        Assert.Equal("Scored", (await _challenge.Competitor.WaitForOutcomeAsync(submission)).GetProperty("status").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _challenge.DisposeAsync();
    }

    [Fact]
    public async Task Reveal_OpensThePrivateBoardToEveryone_WhenTheOrganiserRunsIt()
    {
        var anonymous = _challenge.Server.CreateClient();
        var privateBoard = $"/api/phases/{_challenge.PhaseId}/leaderboard?board=private";
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(privateBoard)).StatusCode);

        var (code, output, error) = _cli.Run("reveal", _challenge.Slug, "--phase", "Main");

        Assert.Equal((0, string.Empty), (code, error));
        Assert.Contains("Revealed", output, StringComparison.Ordinal);
        var board = await anonymous.GetFromJsonAsync<JsonElement>(privateBoard);
        Assert.Equal("Team CLI", board.GetProperty("rows")[0].GetProperty("team").GetString());
    }

    [Fact]
    public async Task RescoreWait_ReturnsWhenEverySubmissionIsRescored_WhenNewLabelsWereUploaded()
    {
        var flipped = new StringBuilder("id,label,Usage\n");
        for (var i = 0; i < 60; i++) flipped.Append(CultureInfo.InvariantCulture, $"r{i},{1 - i % 2},{(i < 40 ? "Public" : "Private")}\n");
        await _challenge.Organiser.UploadLabelsAsync(_challenge.PhaseId, flipped.ToString());

        var (code, output, error) = _cli.Run("rescore", _challenge.Slug, "--phase", "Main", "--wait");

        Assert.Equal((0, string.Empty), (code, error));
        Assert.StartsWith("Rescored phase 'Main'", output, StringComparison.Ordinal);
        var state = await _challenge.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_challenge.PhaseId}/rescore");
        Assert.Equal("completed", state.GetProperty("status").GetString());
        Assert.Equal(2, state.GetProperty("labelsVersion").GetInt32());
    }
}
