using System.Text.Json;
using DataChallenge.Cli.Tests.Remote;
using DataChallenge.Testing;

namespace DataChallenge.Cli.Tests.Commands;

public sealed class SubmitCommandTests : IAsyncLifetime
{
    private OpenChallenge _challenge = null!;
    private CliSession _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _challenge = await OpenChallenge.StartAsync();
        _cli = new CliSession(_challenge.Server);
        var (_, token) = await CliSession.CreateTokenAsync(_challenge.Competitor);
        Assert.Equal(0, _cli.Run("login", "--server", CliSession.Server, "--token", token).Code);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _challenge.DisposeAsync();
    }

    [Fact]
    public void Submit_PrintsTheScoreAndReturns0_WhenWaitingForAGoodFile()
    {
        var file = _cli.Write("good.csv", SampleFiles.Predictions());

        var (code, output, error) = _cli.Run("submit", _challenge.Slug, file, "--wait");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("Scored: roc_auc = 1 ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_PrintsTheScoredSubmissionWithItsNoteAsJson_WhenJsonIsOn()
    {
        var file = _cli.Write("swapped.csv", SampleFiles.Predictions(swaps: 3));

        var (code, output, _) = _cli.Run("submit", _challenge.Slug, file, "--phase", "main", "--wait", "--json", "--message", "three swaps");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("Scored", json.RootElement.GetProperty("status").GetString());
        Assert.InRange(json.RootElement.GetProperty("score").GetDouble(), 0.5, 0.999);
        Assert.Equal("swapped.csv", json.RootElement.GetProperty("fileName").GetString());
        Assert.Equal("three swaps", json.RootElement.GetProperty("note").GetString());
    }

    [Fact]
    public void Submit_Returns2WithTheServersLineAndColumn_WhenTheServerRejectsTheFile()
    {
        // Passes the local checks (it parses), but a probability above 1 only the server's rules catch.
        var file = _cli.Write("high.csv", SampleFiles.Predictions().Replace("r58,", "r58,1", StringComparison.Ordinal));

        var (code, _, error) = _cli.Run("submit", _challenge.Slug, file, "--wait");

        Assert.Equal(2, code);
        Assert.Contains("Rejected: your file, line 3, column 'label'", error, StringComparison.Ordinal);
        Assert.Contains("not a probability", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_RetriesWithTheSameIdempotencyKey_WhenTheServerAnswers503()
    {
        // Each CLI run builds its own handler; the proxy keeps its count across them.
        var proxy = new UnavailableUploads(failures: 2, _challenge.Server.Server.CreateHandler());
        using var cli = new CliSession(() => new NonDisposing(proxy));
        var (_, token) = await CliSession.CreateTokenAsync(_challenge.Competitor, "cli-through-proxy");
        Assert.Equal(0, cli.Run("login", "--server", CliSession.Server, "--token", token).Code);
        var file = cli.Write("good.csv", SampleFiles.Predictions());

        var (code, _, error) = cli.Run("submit", _challenge.Slug, file);

        Assert.True(code == 0, $"Exit code {code}: {error}");
        Assert.Equal(3, proxy.Keys.Count);
        Assert.NotNull(proxy.Keys[0]);
        Assert.All(proxy.Keys, key => Assert.Equal(proxy.Keys[0], key));
        var mine = await _challenge.Competitor.Client.GetStringAsync($"/api/phases/{_challenge.PhaseId}/submissions");
        Assert.Equal(1, JsonDocument.Parse(mine).RootElement.GetArrayLength());
    }

    // The CLI disposes its client, and with it the handler, after each run; the proxy must outlive the login run.
    private sealed class NonDisposing(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing) { }
    }

    [Fact]
    public async Task Submit_Returns2WithoutUploading_WhenTheLocalCheckFails()
    {
        var file = _cli.Write("dup.csv", "id,label\nr1,0.5\nr2,0.4\nr1,0.3\n");

        var (code, _, error) = _cli.Run("submit", _challenge.Slug, file);

        Assert.Equal(2, code);
        Assert.Contains("Not uploaded: dup.csv, line 4, column 'id': the id 'r1' appears twice.", error, StringComparison.Ordinal);
        var mine = await _challenge.Competitor.Client.GetStringAsync($"/api/phases/{_challenge.PhaseId}/submissions");
        Assert.Equal(0, JsonDocument.Parse(mine).RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("id,score\nr1,0.5\n", "column 'label': the header lacks this prediction column.")]
    [InlineData("id,label\nr1,high\n", "line 2, column 'label': 'high' is not a finite number.")]
    [InlineData("id,label\nr1,NaN\n", "'NaN' is not a finite number.")]
    public void Submit_Returns2WithTheRule_WhenTheLocalCheckFails(string content, string expected)
    {
        var (code, _, error) = _cli.Run("submit", _challenge.Slug, _cli.Write("bad.csv", content));

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_ReturnsAtOnceWithTheId_WhenNotWaiting()
    {
        var (code, output, _) = _cli.Run("submit", _challenge.Slug, _cli.Write("p.csv", SampleFiles.Predictions()));

        Assert.Equal(0, code);
        Assert.Matches("Submitted p.csv as [0-9a-f-]{36} \\((Received|Scoring|Scored)\\)", output);
    }

    [Fact]
    public void Submit_Returns64_WhenThePhaseIsUnknown()
    {
        var (code, _, error) = _cli.Run("submit", _challenge.Slug, _cli.Write("p.csv", SampleFiles.Predictions()), "--phase", "Final");

        Assert.Equal(64, code);
        Assert.Contains("has no phase 'Final'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_Returns1WithTheServersSentence_WhenTheChallengeDoesNotExist()
    {
        var (code, _, error) = _cli.Run("submit", "no-such-challenge", _cli.Write("p.csv", SampleFiles.Predictions()));

        Assert.Equal(1, code);
        Assert.Equal("The challenge was not found." + Environment.NewLine, error);
    }

    [Fact]
    public async Task Submit_UsesTheEnvironment_WhenNoLoginIsStored()
    {
        File.Delete(_cli.ConfigPath);
        var (_, token) = await CliSession.CreateTokenAsync(_challenge.Competitor, "env");
        _cli.Environment["DATACHALLENGE_SERVER"] = CliSession.Server;
        _cli.Environment["DATACHALLENGE_TOKEN"] = token;

        var (code, output, _) = _cli.Run("submit", _challenge.Slug, _cli.Write("p.csv", SampleFiles.Predictions()), "--wait");

        Assert.Equal(0, code);
        Assert.Contains("Scored:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_Returns64_WhenNoServerIsKnown()
    {
        File.Delete(_cli.ConfigPath);

        var (code, _, error) = _cli.Run("submit", _challenge.Slug, _cli.Write("p.csv", SampleFiles.Predictions()));

        Assert.Equal(64, code);
        Assert.Contains("datachallenge login", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_DoesNotSendTheStoredToken_WhenAnotherServerIsGiven()
    {
        var (code, _, error) = _cli.Run("submit", _challenge.Slug, _cli.Write("p.csv", SampleFiles.Predictions()), "--server", "http://elsewhere.example");

        Assert.Equal(64, code);
        Assert.Contains("needs a token", error, StringComparison.Ordinal);
    }
}
