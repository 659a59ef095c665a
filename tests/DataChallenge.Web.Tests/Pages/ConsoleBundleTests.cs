using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Testing;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>The console's bundle upload: the script-only panel, and the signed-in browser's PUT /api/bundles it sends.</summary>
public sealed class ConsoleBundleTests : IAsyncDisposable
{
    private const string Bundle = """
        slug: console-bundle
        title: From the console
        phases:
        - name: Main
          opens_at: 2026-01-01T00:00:00Z
          scoring:
            task_type: binary_proba
            id_column: id
            label_columns: [label]
            prediction_columns: [label]
            metrics: [roc_auc]
            primary_metric: roc_auc
        """;

    private readonly ServerFactory _server = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task ConsoleIndex_OffersTheBundleUploadToScriptsAndNamesTheAlternatives_WhenAnOrganiserOpensIt()
    {
        var organiser = await PageBrowser.SignUpAsync(_server);

        var html = WebUtility.HtmlDecode(await organiser.Browser.GetStringAsync("/console", TestContext.Current.CancellationToken));

        Assert.Matches("data-bundle=\"/api/bundles\"[^>]*hidden", html);
        Assert.Contains("<script src=\"/assets/console.js\"", html);
        Assert.Contains("PUT /api/bundles", html);
        Assert.Contains("datachallenge challenge push", html);
    }

    [Fact]
    public async Task BundlePut_CreatesTheChallengeWithTheSignInCookie_WhenTheConsoleSendsIt()
    {
        var organiser = await PageBrowser.SignUpAsync(_server);

        var response = await PutAsync(organiser, Bundle);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("console-bundle", body.GetProperty("slug").GetString());
        Assert.Equal(HttpStatusCode.OK, (await organiser.Browser.GetAsync("/console/console-bundle", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task BundlePut_AnswersTheProblemWithItsLineAndColumn_WhenTheBundleIsNotValid()
    {
        var organiser = await PageBrowser.SignUpAsync(_server);

        var response = await PutAsync(organiser, Bundle.Replace("slug: console-bundle", "slug: Not A Slug!", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("The bundle is not valid.", problem.GetProperty("title").GetString());
        Assert.Equal(1, problem.GetProperty("line").GetInt32());
        Assert.True(problem.GetProperty("column").GetInt32() > 0);
    }

    private static Task<HttpResponseMessage> PutAsync(PageBrowser organiser, string yaml)
    {
        // As console.js sends it: the file as the body, the page's cookie as the credential.
        var content = new StringContent(yaml, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/bundles") { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return organiser.Browser.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
