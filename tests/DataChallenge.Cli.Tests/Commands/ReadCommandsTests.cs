using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DataChallenge.Cli.Tests.Remote;
using DataChallenge.Testing;

namespace DataChallenge.Cli.Tests.Commands;

/// <summary>The read verbs — challenges, data, submissions, leaderboard — as tables, CSV and JSON.</summary>
public sealed class ReadCommandsTests : IAsyncLifetime
{
    private const string TrainCsv = "id,feature\nr1,0.5\nr2,0.7\n";

    private OpenChallenge _challenge = null!;
    private CliSession _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _challenge = await OpenChallenge.StartAsync();
        var upload = new StringContent(TrainCsv, Encoding.UTF8);
        upload.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        await ApiSession.EnsureAsync(await _challenge.Organiser.Client.PutAsync($"/api/challenges/{_challenge.Slug}/files/train.csv?description=Training", upload), "upload public file");
        _cli = new CliSession(_challenge.Server);
        var (_, token) = await CliSession.CreateTokenAsync(_challenge.Competitor);
        Assert.Equal(0, _cli.Run("login", "--server", CliSession.Server, "--token", token).Code);
        Assert.Equal(0, _cli.Run("submit", _challenge.Slug, _cli.Write("p.csv", SampleFiles.Predictions(swaps: 2)), "--wait").Code);
        await _challenge.Competitor.LeaderboardWithEntriesAsync(_challenge.PhaseId, 1);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _challenge.DisposeAsync();
    }

    [Fact]
    public void Leaderboard_PrintsParsableJson_WhenJsonIsOn()
    {
        var (code, output, error) = _cli.Run("leaderboard", _challenge.Slug, "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(_challenge.PhaseId, json.RootElement.GetProperty("phaseId").GetGuid());
        var row = Assert.Single(json.RootElement.GetProperty("rows").EnumerateArray());
        Assert.Equal("Team CLI", row.GetProperty("team").GetString());
        Assert.Equal(1, row.GetProperty("rank").GetInt32());
        Assert.InRange(row.GetProperty("score").GetDouble(), 0.5, 0.999);
    }

    [Fact]
    public void Leaderboard_PrintsOneCsvLinePerTeam_WhenCsvIsOn()
    {
        var (code, output, _) = _cli.Run("leaderboard", _challenge.Slug, "--csv");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("rank,team,score,interval_lower,interval_upper,entries,last_submitted_at", lines[0]);
        Assert.StartsWith("1,Team CLI,0.", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Leaderboard_PrintsATable_WhenNoFormatIsChosen()
    {
        var (code, output, _) = _cli.Run("leaderboard", _challenge.Slug);

        Assert.Equal(0, code);
        Assert.Contains("Main: roc_auc (higher is better)", output, StringComparison.Ordinal);
        Assert.Contains("Team CLI", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SubmissionsList_PrintsTheTeamsSubmissions_WhenJsonIsOn()
    {
        var (code, output, _) = _cli.Run("submissions", "list", _challenge.Slug, "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var submission = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Scored", submission.GetProperty("status").GetString());
        Assert.Equal("p.csv", submission.GetProperty("fileName").GetString());
    }

    [Fact]
    public void ChallengesList_IncludesTheChallenge_WhenJsonIsOn()
    {
        var (code, output, _) = _cli.Run("challenges", "list", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.EnumerateArray(), c => c.GetProperty("slug").GetString() == _challenge.Slug);
    }

    [Fact]
    public void ChallengesShow_PrintsPhasesAndFiles_WhenAsked()
    {
        var (code, output, _) = _cli.Run("challenges", "show", _challenge.Slug);

        Assert.Equal(0, code);
        Assert.Contains(_challenge.PhaseId.ToString(), output, StringComparison.Ordinal);
        Assert.Contains("train.csv", output, StringComparison.Ordinal);
        Assert.Contains("Training", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ChallengesShow_PrintsTheChallengeAndItsFilesAsOneDocument_WhenJsonIsOn()
    {
        var (code, output, error) = _cli.Run("challenges", "show", _challenge.Slug, "--json");

        Assert.Equal((0, string.Empty), (code, error));
        using var json = JsonDocument.Parse(output);
        Assert.Equal(_challenge.Slug, json.RootElement.GetProperty("challenge").GetProperty("slug").GetString());
        Assert.Contains(json.RootElement.GetProperty("challenge").GetProperty("phases").EnumerateArray(), p => p.GetProperty("id").GetString() == _challenge.PhaseId.ToString());
        Assert.Contains(json.RootElement.GetProperty("files").EnumerateArray(), f => f.GetProperty("name").GetString() == "train.csv");
    }

    [Fact]
    public void ChallengesShow_Returns1WithOneSentence_WhenTheSlugIsUnknown()
    {
        var (code, output, error) = _cli.Run("challenges", "show", "no-such-challenge", "--json");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("The challenge was not found." + Environment.NewLine, error);
    }

    [Fact]
    public void DataDownload_WritesEveryPublicFile_WhenAFolderIsGiven()
    {
        var folder = Path.Combine(_cli.Folder, "data");

        var (code, output, error) = _cli.Run("data", "download", _challenge.Slug, "-o", folder);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Equal(TrainCsv, File.ReadAllText(Path.Combine(folder, "train.csv")));
        Assert.Contains("train.csv", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "*.part"));
    }
}
