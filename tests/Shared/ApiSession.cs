using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DataChallenge.Testing;

/// <summary>One signed-in person talking to the HTTP API, as a competitor or an organiser would.</summary>
public sealed class ApiSession(HttpClient client, string email)
{
    public const string Password = "correct horse battery staple";

    public HttpClient Client { get; } = client;
    public string Email { get; } = email;

    /// <param name="confirmAddress">Follow the mailed confirmation link, as joining, downloading and submitting require.</param>
    public static async Task<ApiSession> RegisterAsync(HttpClient client, string? email = null, bool confirmAddress = true)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.org";
        var earlier = SentMail.To(email).Count(SentMail.IsConfirmation);
        var register = await client.PostAsJsonAsync("/api/account/register", new { email, password = Password });
        await EnsureAsync(register, "register");
        if (confirmAddress) await ConfirmAddressAsync(client, email, earlier);
        var login = await client.PostAsJsonAsync("/api/account/login", new { email, password = Password });
        await EnsureAsync(login, "log in");
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiSession(client, email);
    }

    /// <summary>
    /// Confirms with the code mailed to <paramref name="email"/>, through the API's own confirmation endpoint: the page
    /// the link opens would leave an anti-forgery cookie in this client, which API tests do not expect.
    /// </summary>
    /// <param name="earlier">Confirmation mails to the address before this one (other servers of the run may have used it).</param>
    public static async Task ConfirmAddressAsync(HttpClient client, string email, int earlier = 0)
    {
        var mail = await SentMail.WaitForAsync(email, SentMail.IsConfirmation, earlier);
        await EnsureAsync(await client.GetAsync("/api/account/confirmEmail" + SentMail.LinkIn(mail).Query), "confirm the address");
    }

    /// <param name="visibility">draft, public or unlisted; the server's default (public) when null.</param>
    public async Task<string> CreateChallengeAsync(string? slug = null, string? visibility = null)
    {
        slug ??= $"c-{Guid.NewGuid():N}"[..20];
        await EnsureAsync(await Client.PostAsJsonAsync("/api/challenges", new { slug, title = "Test challenge " + slug, description = "A test.", visibility }),
            "create challenge");
        return slug;
    }

    public async Task<Guid> CreatePhaseAsync(string slug, string scoringConfigJson, DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null, long? maxFileBytes = null,
        bool unlimitedSubmissionsPerDay = false)
    {
        var request = new { name = "Main", opensAt, closesAt, scoringConfig = JsonDocument.Parse(scoringConfigJson).RootElement, maxFileBytes, unlimitedSubmissionsPerDay };
        var response = await Client.PostAsJsonAsync($"/api/challenges/{slug}/phases", request);
        await EnsureAsync(response, "create phase");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A phase on the sample binary configuration, its sample labels uploaded: ready for submissions.</summary>
    public async Task<Guid> CreateSamplePhaseAsync(string slug)
    {
        var phaseId = await CreatePhaseAsync(slug, SampleFiles.BinaryConfig);
        await UploadLabelsAsync(phaseId, SampleFiles.Labels());
        return phaseId;
    }

    public async Task UploadLabelsAsync(Guid phaseId, string csv)
        => await EnsureAsync(await Client.PutAsync($"/api/phases/{phaseId}/labels", new StringContent(csv, Encoding.UTF8, "text/csv")), "upload labels");

    public async Task<Guid> JoinAsync(string slug, string? teamName = null)
    {
        var response = await Client.PostAsJsonAsync($"/api/challenges/{slug}/join", new { teamName = teamName ?? $"Team {Guid.NewGuid():N}"[..13] });
        await EnsureAsync(response, "join");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("teamId").GetGuid();
    }

    public Task<HttpResponseMessage> SubmitRawAsync(Guid phaseId, string csv, string fileName = "predictions.csv")
        => Client.PostAsync($"/api/phases/{phaseId}/submissions?fileName={Uri.EscapeDataString(fileName)}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    public async Task<Guid> SubmitAsync(Guid phaseId, string csv)
    {
        var response = await SubmitRawAsync(phaseId, csv);
        await EnsureAsync(response, "submit", HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Polls the submission until the API says it is finished.</summary>
    public async Task<JsonElement> WaitForOutcomeAsync(Guid submissionId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var response = await Client.GetAsync($"/api/submissions/{submissionId}");
            await EnsureAsync(response, "read submission");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (body.GetProperty("isFinished").GetBoolean()) return body;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Submission {submissionId} is still {body.GetProperty("status").GetString()}.");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// A code run's log. Its score and its log are recorded from separate notices, in either order, so the log may
    /// appear a moment after the submission ends: a 404 is waited out until <paramref name="timeout"/>.
    /// </summary>
    public async Task<string> ReadLogAsync(Guid submissionId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            using var response = await Client.GetAsync($"/api/submissions/{submissionId}/log");
            if (response.StatusCode != HttpStatusCode.NotFound || DateTime.UtcNow > deadline)
            {
                await EnsureAsync(response, "read log");
                return await response.Content.ReadAsStringAsync();
            }
            await Task.Delay(50);
        }
    }

    /// <summary>A code run's record once its provenance is in: like its log, it may follow the score by a moment.</summary>
    public async Task<JsonElement> ReadRunAsync(Guid submissionId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var response = await Client.GetAsync($"/api/submissions/{submissionId}/run");
            await EnsureAsync(response, "read run");
            var run = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (run.TryGetProperty("provenance", out var provenance) && provenance.ValueKind != JsonValueKind.Null || DateTime.UtcNow > deadline) return run;
            await Task.Delay(50);
        }
    }

    public async Task<JsonElement> LeaderboardAsync(Guid phaseId)
    {
        var response = await Client.GetAsync($"/api/phases/{phaseId}/leaderboard");
        await EnsureAsync(response, "read leaderboard");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// The board once it counts <paramref name="entries"/> scored entries in all: the board is refreshed just after the
    /// score is committed, so a status read can briefly run ahead of it.
    /// </summary>
    public async Task<JsonElement> LeaderboardWithEntriesAsync(Guid phaseId, int entries)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var board = await LeaderboardAsync(phaseId);
            if (board.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("entries").GetInt32()) >= entries) return board;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The board never reached {entries} entries: {board}");
            await Task.Delay(20);
        }
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what, HttpStatusCode? expected = null)
    {
        if (expected is { } code ? response.StatusCode == code : response.IsSuccessStatusCode) return;
        throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
