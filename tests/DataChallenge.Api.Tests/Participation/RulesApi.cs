using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Participation;

/// <summary>The calls the rules tests make beyond the shared session helpers.</summary>
public static class RulesApi
{
    /// <summary>A phase with the sample scoring configuration, labels uploaded, and the given rules.</summary>
    public static async Task<Guid> CreateReadyPhaseAsync(this ApiSession organiser, string slug, DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null,
        int? maxSubmissionsPerDay = null, int? maxSubmissionsTotal = null, int? maxRejectedPerDay = null, string name = "Main")
    {
        var response = await organiser.Client.PostAsJsonAsync($"/api/challenges/{slug}/phases", new
        {
            name, opensAt, closesAt, scoringConfig = JsonDocument.Parse(SampleFiles.BinaryConfig).RootElement,
            maxSubmissionsPerDay, maxSubmissionsTotal, maxRejectedPerDay,
        });
        await ApiSession.EnsureAsync(response, "create phase", HttpStatusCode.Created);
        var phaseId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());
        return phaseId;
    }

    public static Task<HttpResponseMessage> SubmitWithKeyAsync(this ApiSession session, Guid phaseId, string csv, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/phases/{phaseId}/submissions") { Content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv") };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return session.Client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<int> MySubmissionCountAsync(this ApiSession session, Guid phaseId)
        => (await session.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}/submissions")).GetArrayLength();

    /// <summary>A prediction file the server takes in but the scoring worker rejects (a probability above 1).</summary>
    public static string RejectedPredictions() => SampleFiles.Predictions().Replace("r58,", "r58,1", StringComparison.Ordinal);
}
