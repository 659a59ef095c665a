using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DataChallenge.Spine.Bench;

/// <summary>The few API calls the benchmark needs, each made as one signed-in person over a shared connection pool.</summary>
public sealed class SpineClient(HttpClient http, string token)
{
    public const string Password = "correct horse battery staple";

    public const string BinaryConfig = """
        {"task_type":"binary_proba","id_column":"id","label_columns":["label"],"prediction_columns":["label"],
         "metrics":["roc_auc"],"primary_metric":"roc_auc","split_column":"Usage"}
        """;

    public string Token => token;

    /// <param name="mail">The server's mail folder, to confirm the address as joining a challenge requires; null leaves it unconfirmed.</param>
    public static async Task<SpineClient> RegisterAsync(HttpClient http, string who, MailBox? mail, CancellationToken cancellationToken)
    {
        var email = $"{who}-{Guid.NewGuid():N}@bench.example.org";
        await EnsureAsync(await http.PostAsJsonAsync("/api/account/register", new { email, password = Password }, cancellationToken), "register");
        if (mail is not null)
        {
            var link = await mail.ConfirmationLinkAsync(email, cancellationToken);
            await EnsureAsync(await http.GetAsync("/api/account/confirmEmail" + link.Query, cancellationToken), "confirm the address");
        }
        var login = await http.PostAsJsonAsync("/api/account/login", new { email, password = Password }, cancellationToken);
        await EnsureAsync(login, "log in");
        var body = await login.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return new SpineClient(http, body.GetProperty("accessToken").GetString()!);
    }

    public async Task<string> CreateChallengeAsync(CancellationToken cancellationToken)
    {
        var slug = $"bench-{Guid.NewGuid():N}"[..20];
        await SendAsync(HttpMethod.Post, "/api/challenges", JsonContent.Create(new { slug, title = "Spine benchmark " + slug, description = "Benchmark data." }), "create challenge", cancellationToken);
        return slug;
    }

    public async Task<Guid> CreatePhaseAsync(string slug, long? maxFileBytes, CancellationToken cancellationToken)
    {
        // The benchmark uploads far more than a competitor's daily allowance.
        var request = new { name = "Main", scoringConfig = JsonDocument.Parse(BinaryConfig).RootElement, maxFileBytes, unlimitedSubmissionsPerDay = true };
        var body = await SendAsync(HttpMethod.Post, $"/api/challenges/{slug}/phases", JsonContent.Create(request), "create phase", cancellationToken);
        return body.GetProperty("id").GetGuid();
    }

    public Task UploadLabelsAsync(Guid phaseId, byte[] csv, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Put, $"/api/phases/{phaseId}/labels", Csv(new ByteArrayContent(csv)), "upload labels", cancellationToken);

    public async Task<Guid> JoinAsync(string slug, string teamName, CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Post, $"/api/challenges/{slug}/join", JsonContent.Create(new { teamName }), "join", cancellationToken);
        return body.GetProperty("teamId").GetGuid();
    }

    /// <summary>Uploads a predictions file; returns once the server has accepted it (202).</summary>
    public async Task<Guid> SubmitAsync(Guid phaseId, HttpContent file, CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Post, $"/api/phases/{phaseId}/submissions?fileName=predictions.csv", Csv(file), "submit", cancellationToken, HttpStatusCode.Accepted);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Makes the phase a code phase with the given settings (PUT /code; fields left out keep their defaults).</summary>
    public Task ConfigureCodeAsync(Guid phaseId, object settings, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Put, $"/api/phases/{phaseId}/code", JsonContent.Create(settings), "make a code phase", cancellationToken);

    public Task UploadSmokeDataAsync(Guid phaseId, byte[] zip, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Put, $"/api/phases/{phaseId}/smoke-data", Zip(zip), "upload smoke data", cancellationToken);

    /// <summary>Uploads a zipped code folder, as a smoke run or a real one; returns once the server has accepted it (202).</summary>
    public async Task<Guid> SubmitCodeAsync(Guid phaseId, byte[] zip, bool smoke, CancellationToken cancellationToken)
    {
        var body = await SendAsync(HttpMethod.Post, $"/api/phases/{phaseId}/submissions?fileName=code.zip&smoke={(smoke ? "true" : "false")}", Zip(zip),
            "submit code", cancellationToken, HttpStatusCode.Accepted);
        return body.GetProperty("id").GetGuid();
    }

    public Task<JsonElement> SubmissionAsync(Guid submissionId, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Get, $"/api/submissions/{submissionId}", null, "read submission", cancellationToken);

    /// <summary>Polls until the submission leaves Received/Scoring.</summary>
    public async Task<JsonElement> WaitForOutcomeAsync(Guid submissionId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var body = await SubmissionAsync(submissionId, cancellationToken);
            if (body.GetProperty("status").GetString() is not ("Received" or "Scoring") || DateTime.UtcNow > deadline) return body;
            await Task.Delay(100, cancellationToken);
        }
    }

    private static ByteArrayContent Zip(byte[] zip)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
    }

    private static HttpContent Csv(HttpContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = Encoding.UTF8.WebName };
        return content;
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, HttpContent? content, string what, CancellationToken cancellationToken, HttpStatusCode? expected = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, what, expected);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, HttpStatusCode? expected = null)
    {
        if (expected is { } code ? response.StatusCode == code : response.IsSuccessStatusCode) return;
        throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
