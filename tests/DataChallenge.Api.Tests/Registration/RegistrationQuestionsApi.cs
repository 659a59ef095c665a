using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Registration;

/// <summary>The registration-question calls the tests make: an organiser asks, a participant answers.</summary>
public static class RegistrationQuestionsApi
{
    public static async Task<Guid> AskAsync(this ApiSession organiser, string slug, string kind, string prompt, bool required = false)
    {
        var response = await organiser.Client.PostAsJsonAsync($"/api/challenges/{slug}/registration-questions", new { kind, prompt, required });
        await ApiSession.EnsureAsync(response, "add a registration question", HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> JoinAnsweringAsync(this ApiSession participant, string slug, Dictionary<Guid, string> answers)
        => participant.Client.PostAsJsonAsync($"/api/challenges/{slug}/join", new { teamName = $"Team {Guid.NewGuid():N}"[..13], answers });
}
