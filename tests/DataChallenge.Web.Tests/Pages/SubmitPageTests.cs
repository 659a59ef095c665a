using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>The submit page over plain HTTP: the quota left, the choice of final submissions, uploads without script.</summary>
public sealed class SubmitPageTests : IAsyncLifetime
{
    private const string Rejectable = "id,label\nr0,0.5\n";
    private readonly ServerFactory _server = new();
    private ApiSession _organiser = null!;
    private string _slug = "";

    public async ValueTask InitializeAsync()
    {
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        _slug = await _organiser.CreateChallengeAsync();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task SubmitPage_CountsOnlyPlacesHeld_WhenOneFileWasRejected()
    {
        var phaseId = await PhaseAsync(maxSubmissionsPerDay: 3, maxSubmissionsTotal: 10);
        var competitor = await CompetitorAsync();
        await competitor.Api.WaitForOutcomeAsync(await competitor.Api.SubmitAsync(phaseId, SampleFiles.Predictions()));
        var rejected = await competitor.Api.WaitForOutcomeAsync(await competitor.Api.SubmitAsync(phaseId, Rejectable));

        var page = await competitor.Browser.GetStringAsync($"/phases/{phaseId}/submit");

        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Contains("2 of 3 submissions left today (resets at 00:00 UTC, in ", page);
        Assert.Contains("9 of 10 submissions left in this phase.", page);
        Assert.DoesNotContain("style=", page);
    }

    [Fact]
    public async Task SubmitPage_ShowsNoneLeft_WhenTheUploadIsRefusedForQuota()
    {
        var phaseId = await PhaseAsync(maxSubmissionsPerDay: 1);
        var competitor = await CompetitorAsync();
        await competitor.Api.SubmitAsync(phaseId, SampleFiles.Predictions());

        var refused = await competitor.Api.SubmitRawAsync(phaseId, SampleFiles.Predictions());
        var page = await competitor.Browser.GetStringAsync($"/phases/{phaseId}/submit");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("0 of 1 submissions left today", page);
    }

    [Fact]
    public async Task SubmitPage_SavesTheFinalSelection_WhenNoMoreThanTheMaximumIsChosen()
    {
        var phaseId = await PhaseAsync(maxFinalSubmissions: 1);
        var competitor = await CompetitorAsync();
        var first = await ScoredAsync(competitor, phaseId, swaps: 5);
        var second = await ScoredAsync(competitor, phaseId, swaps: 0);
        var path = $"/phases/{phaseId}/submit";

        var tooMany = await competitor.PostFormAsync(path, path + "?handler=Finals", [], [("FinalIds", first), ("FinalIds", second)]);
        var saved = await competitor.PostFormAsync(path, path + "?handler=Finals", [], [("FinalIds", first)]);

        Assert.Equal(HttpStatusCode.OK, tooMany.StatusCode);
        Assert.Contains("You chose 2 submissions; choose at most 1 final submissions.", await tooMany.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await competitor.Browser.GetStringAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Your final selection is saved.", page);
        Assert.Contains($"value=\"{first}\" checked=\"checked\"", page);
        Assert.DoesNotContain($"value=\"{second}\" checked", page);
        var finals = await (await competitor.Api.Client.GetAsync($"/api/phases/{phaseId}/finals")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first, finals.GetProperty("chosen")[0].GetGuid());
    }

    [Fact]
    public async Task Upload_SendsTheBrowserBackToThePage_WhenAPlainFormIsPosted()
    {
        var phaseId = await PhaseAsync();
        var competitor = await CompetitorAsync();

        var response = await competitor.Browser.SendAsync(FormUpload(phaseId, SampleFiles.Predictions(), script: false));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith($"/phases/{phaseId}/submit?submission=", location, StringComparison.Ordinal);
        var submissionId = Guid.Parse(location[(location.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var outcome = await competitor.Api.WaitForOutcomeAsync(submissionId);
        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        var page = await competitor.Browser.GetStringAsync(location);
        Assert.Contains("Your file predictions.csv:", page);
        Assert.Contains("roc_auc = 1.0000", page);
        Assert.DoesNotContain("http-equiv=\"refresh\"", page);
    }

    [Fact]
    public async Task Upload_LandsOnThePageWithTheReason_WhenAPlainFormIsRefused()
    {
        var phaseId = await PhaseAsync(maxSubmissionsPerDay: 1);
        var competitor = await CompetitorAsync();
        await competitor.Api.SubmitAsync(phaseId, SampleFiles.Predictions());

        var response = await competitor.Browser.SendAsync(FormUpload(phaseId, SampleFiles.Predictions(), script: false));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/phases/{phaseId}/submit?refused=429", response.Headers.Location!.OriginalString);
        Assert.Contains("Your team&#x27;s quota is used up for now", await competitor.Browser.GetStringAsync(response.Headers.Location.OriginalString));
    }

    [Fact]
    public async Task Upload_AnswersJson_WhenThePageScriptSendsTheForm()
    {
        var phaseId = await PhaseAsync();
        var competitor = await CompetitorAsync();

        var response = await competitor.Browser.SendAsync(FormUpload(phaseId, SampleFiles.Predictions(), script: true));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Received", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    private static HttpRequestMessage FormUpload(Guid phaseId, string csv, bool script)
    {
        var form = new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "predictions.csv" } };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/phases/{phaseId}/submissions") { Content = form };
        // Browsers mark a request from the site's own page so; cookie-signed API changes are refused without it.
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        if (script)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        }
        else
        {
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        }
        return request;
    }

    private async Task<Guid> PhaseAsync(int? maxSubmissionsPerDay = null, int? maxSubmissionsTotal = null, int? maxFinalSubmissions = null)
    {
        var create = await _organiser.Client.PostAsJsonAsync($"/api/challenges/{_slug}/phases", new
        {
            name = "Main", scoringConfig = JsonDocument.Parse(SampleFiles.BinaryConfig).RootElement, maxSubmissionsPerDay, maxSubmissionsTotal,
            maxFinalSubmissions,
        });
        await ApiSession.EnsureAsync(create, "create phase", HttpStatusCode.Created);
        var phaseId = (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await _organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());
        return phaseId;
    }

    private async Task<PageBrowser> CompetitorAsync()
    {
        var competitor = await PageBrowser.SignUpAsync(_server);
        await competitor.Api.JoinAsync(_slug);
        return competitor;
    }

    private static async Task<Guid> ScoredAsync(PageBrowser competitor, Guid phaseId, int swaps)
    {
        var id = await competitor.Api.SubmitAsync(phaseId, SampleFiles.Predictions(swaps: swaps));
        Assert.Equal("Scored", (await competitor.Api.WaitForOutcomeAsync(id)).GetProperty("status").GetString());
        return id;
    }
}
