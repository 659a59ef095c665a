using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using DataChallenge.Testing;
using DataChallenge.Testing.Judging;

namespace DataChallenge.Api.Tests.Closing;

/// <summary>A revealed phase where Alpha leads and Beta follows, with the requests of the closing workflow.</summary>
internal static class ClosingArena
{
    public static async Task<JudgingArena> RevealedAsync()
    {
        var arena = await JudgingArena.StartAsync();
        await arena.ScoredAsync(arena.TeamA, JudgingFiles.Predictions(publicSwaps: 0, privateSwaps: 0));
        await arena.ScoredAsync(arena.TeamB, JudgingFiles.Predictions(publicSwaps: 3, privateSwaps: 3));
        await ApiSession.EnsureAsync(await arena.Organiser.Client.PostAsync($"/api/phases/{arena.PhaseId}/reveal", null), "reveal");
        return arena;
    }

    public static Task<HttpResponseMessage> MarkAsync(this JudgingArena arena, HttpClient client, Guid teamId, TimeSpan? dueIn = null)
        => client.PostAsJsonAsync($"/api/phases/{arena.PhaseId}/candidates",
            new { teamId, deadline = arena.Clock.GetUtcNow() + (dueIn ?? TimeSpan.FromDays(7)) });

    public static Task<HttpResponseMessage> UploadAsync(this JudgingArena arena, HttpClient client, string document, string fileName, byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PutAsync($"/api/phases/{arena.PhaseId}/candidates/mine/{document}?fileName={Uri.EscapeDataString(fileName)}", body);
    }

    public static Task<HttpResponseMessage> PublishAsync(this JudgingArena arena, HttpClient client, params object[] verdicts)
        => client.PostAsJsonAsync($"/api/phases/{arena.PhaseId}/final-ranking", new { verdicts });

    public static byte[] FactSheet => Encoding.UTF8.GetBytes("# Alpha's method\n\nGradient boosting on the tabular features.\n");

    // Built once: a zip records the time it was made, and the test compares the bytes sent with those read back.
    public static readonly byte[] Code = ProgramArchives.Zip(("main.py", "print('alpha')\n"), ("README.md", "Run main.py\n"));
}
