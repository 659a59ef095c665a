using System.Net;
using System.Net.Http.Json;
using System.Text;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Security;

/// <summary>Whoever may not see an account, a draft or a phase gets the answer a missing one gets.</summary>
public sealed class ExistenceLeakTests : OwnerAndOutsiderTests
{
    [Fact]
    public async Task Register_AnswersAlike_WhenTheAddressIsAlreadyRegistered()
    {
        var client = Server.CreateClient();

        var fresh = await client.PostAsJsonAsync("/api/account/register", new { email = $"new-{Guid.NewGuid():N}@example.org", password = ApiSession.Password });
        var known = await client.PostAsJsonAsync("/api/account/register", new { email = Outsider.Email, password = "another long passphrase" });

        Assert.Equal(fresh.StatusCode, known.StatusCode);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        // The existing account keeps its password.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/account/login", new { email = Outsider.Email, password = ApiSession.Password })).StatusCode);
    }

    [Fact]
    public async Task AddCollaborator_AnswersAlike_WhetherOrNotTheAddressHasAnAccount()
    {
        var slug = await Owner.CreateChallengeAsync();

        var existing = await Owner.Client.PostAsJsonAsync($"/api/challenges/{slug}/collaborators", new { email = Outsider.Email });
        var unknown = await Owner.Client.PostAsJsonAsync($"/api/challenges/{slug}/collaborators", new { email = $"nobody-{Guid.NewGuid():N}@example.org" });

        Assert.Equal(HttpStatusCode.Accepted, existing.StatusCode);
        Assert.Equal(existing.StatusCode, unknown.StatusCode);
        Assert.DoesNotContain("userId", await existing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Outsider.Client.GetAsync($"/api/challenges/{slug}/participants")).StatusCode);
    }

    [Fact]
    public async Task OrganiserActions_Answer404_WhenThePhaseBelongsToSomeoneElsesDraft()
    {
        var slug = await Owner.CreateChallengeAsync(visibility: "draft");
        var phase = $"/api/phases/{await Owner.CreatePhaseAsync(slug, SampleFiles.BinaryConfig)}";
        var missing = $"/api/phases/{Guid.NewGuid()}";

        foreach (var path in new[] { phase, missing })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Outsider.Client.PostAsync($"{path}/reveal", Empty())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Outsider.Client.PostAsync($"{path}/rescore", Empty())).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Outsider.Client.GetAsync($"{path}/rescore")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Outsider.Client.GetAsync($"{path}/finals")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Outsider.Client.PutAsJsonAsync($"{path}/finals", new { submissionIds = Array.Empty<Guid>() })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Outsider.Client.GetAsync($"{path}/submissions/all")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await Outsider.Client.PutAsJsonAsync($"{path}/board-settings", new { hidden = false, anonymise = false })).StatusCode);
        }
    }

    [Fact]
    public async Task BundleImport_AnswersAlike_ForSomeoneElsesDraftAndPublicChallenge()
    {
        var draft = await Owner.CreateChallengeAsync(visibility: "draft");
        var listed = await Owner.CreateChallengeAsync(visibility: "public");

        var onDraft = await Outsider.Client.PutAsync("/api/bundles", Bundle(draft));
        var onPublic = await Outsider.Client.PutAsync("/api/bundles", Bundle(listed));
        var create = await Outsider.Client.PostAsJsonAsync("/api/challenges", new { slug = draft, title = "Mine" });

        Assert.Equal(HttpStatusCode.Conflict, onDraft.StatusCode);
        Assert.Equal(onPublic.StatusCode, onDraft.StatusCode);
        Assert.Equal(create.StatusCode, onDraft.StatusCode);
        Assert.Equal(await TitleAsync(onPublic), (await TitleAsync(onDraft)).Replace(draft, listed, StringComparison.Ordinal));
    }

    private static async Task<string> TitleAsync(HttpResponseMessage response)
        => (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString()!;

    private static StringContent Bundle(string slug) => new($"slug: {slug}\ntitle: Taken over\n", Encoding.UTF8, "application/yaml");

    private static StringContent Empty() => new("", Encoding.UTF8, "application/json");
}
