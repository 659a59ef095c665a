using System.Net;
using System.Text.Json;
using DataChallenge.Cli.Tests.Remote;

namespace DataChallenge.Cli.Tests.Commands;

/// <summary>
/// <c>reveal</c> and <c>rescore</c> against a fake that answers as the judging endpoints' contract says: they call the
/// right routes, follow the progress and turn answers into exit codes.
/// </summary>
public sealed class JudgingCommandsTests : IDisposable
{
    private const string Running = """{"status":"running","total":3,"done":1,"rankChanges":[]}""";

    private const string Completed = """
        {"status":"completed","total":3,"done":3,"rankChanges":[
          {"team":"Team A","publicRankBefore":2,"publicRankAfter":1,"privateRankBefore":2,"privateRankAfter":1,"changed":true},
          {"team":"Team B","publicRankBefore":1,"publicRankAfter":2,"privateRankBefore":1,"privateRankAfter":2,"changed":true},
          {"team":"Team C","publicRankBefore":3,"publicRankAfter":3,"privateRankBefore":null,"privateRankAfter":null,"changed":false}]}
        """;

    private readonly List<CliSession> _sessions = [];

    public void Dispose() => _sessions.ForEach(s => s.Dispose());

    [Fact]
    public void Reveal_PostsToThePhasesRevealRoute_WhenThePhaseIsNamed()
    {
        var server = new FakeJudgingServer();
        var cli = Session(server);

        var (code, output, error) = cli.Run("reveal", FakeJudgingServer.Slug, "--phase", "Main");

        Assert.Equal((0, string.Empty), (code, error));
        Assert.Equal("Revealed the private leaderboard of phase 'Main'." + Environment.NewLine, output);
        var post = Assert.Single(server.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal($"/api/phases/{FakeJudgingServer.PhaseId}/reveal", post.Path);
        Assert.Equal("Bearer dc_organiser", post.Authorization);
    }

    [Fact]
    public void Reveal_Returns1WithTheServersSentence_WhenTheCallerIsRefused()
    {
        var server = new FakeJudgingServer { RevealStatus = HttpStatusCode.Forbidden };

        var (code, output, error) = Session(server).Run("reveal", FakeJudgingServer.Slug, "--phase", "Main");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("Only the challenge's organisers can reveal its leaderboard." + Environment.NewLine, error);
    }

    [Fact]
    public void Reveal_Returns64AndPostsNothing_WhenThePhaseIsAmbiguous()
    {
        var server = new FakeJudgingServer();

        var (code, _, error) = Session(server).Run("reveal", FakeJudgingServer.Slug);

        Assert.Equal(64, code);
        Assert.StartsWith($"Choose a phase of '{FakeJudgingServer.Slug}' with --phase", error, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public void Rescore_StartsAndReturnsAtOnce_WhenNotWaiting()
    {
        var server = new FakeJudgingServer(Running);

        var (code, output, _) = Session(server).Run("rescore", FakeJudgingServer.Slug, "--phase", "Main");

        Assert.Equal(0, code);
        Assert.StartsWith("Started rescoring phase 'Main'", output, StringComparison.Ordinal);
        Assert.Single(server.Requests, r => r.Path.EndsWith("/rescore", StringComparison.Ordinal));
    }

    [Fact]
    public void Rescore_FollowsTheProgressAndPrintsRankChanges_WhenWaiting()
    {
        var server = new FakeJudgingServer(Running, Running, Completed);

        var (code, output, error) = Session(server).Run("rescore", FakeJudgingServer.Slug, "--phase", "Main", "--wait");

        Assert.Equal((0, string.Empty), (code, error));
        Assert.Contains("Rescored phase 'Main' (3 of 3 submissions); 2 teams changed rank.", output, StringComparison.Ordinal);
        Assert.Matches(@"Team A\s+2\s+1\s+2\s+1", output);
        Assert.DoesNotContain("Team C", output, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count(r => r.Method == HttpMethod.Get && r.Path.EndsWith("/rescore", StringComparison.Ordinal)));
        Assert.Single(server.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public void Rescore_PrintsTheFinalStateAsJson_WhenWaitingWithJson()
    {
        var server = new FakeJudgingServer(Running, Completed);

        var (code, output, _) = Session(server).Run("rescore", FakeJudgingServer.Slug, "--phase", "Main", "--wait", "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("completed", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("rankChanges").GetArrayLength());
    }

    [Fact]
    public void Rescore_Returns1WithAHint_WhenTheRescoringOutlastsTheWait()
    {
        var server = new FakeJudgingServer(Running);
        var cli = Session(server, TimeSpan.FromMilliseconds(200));

        var (code, _, error) = cli.Run("rescore", FakeJudgingServer.Slug, "--phase", "Main", "--wait");

        Assert.Equal(1, code);
        Assert.Equal("The rescoring of phase 'Main' is still running (1 of 3 submissions); run with --wait again to follow it." + Environment.NewLine, error);
    }

    [Fact]
    public void Reveal_SaysSo_WhenTheBoardWasAlreadyRevealed()
    {
        var server = new FakeJudgingServer { AlreadyRevealed = true };

        var (code, output, _) = Session(server).Run("reveal", FakeJudgingServer.Slug, "--phase", "Main");

        Assert.Equal(0, code);
        Assert.Equal("The private leaderboard of phase 'Main' was already revealed (2026-03-01 00:00 UTC)." + Environment.NewLine, output);
    }

    private CliSession Session(FakeJudgingServer server, TimeSpan? waitTimeout = null)
    {
        var session = new CliSession(server.CreateHandler) { WaitTimeout = waitTimeout ?? TimeSpan.FromSeconds(60) };
        session.Environment["DATACHALLENGE_SERVER"] = "http://judging.test";
        session.Environment["DATACHALLENGE_TOKEN"] = "dc_organiser";
        _sessions.Add(session);
        return session;
    }
}
