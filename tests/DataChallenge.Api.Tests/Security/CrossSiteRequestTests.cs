using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Testing;
using DataChallenge.Testing.Judging;

namespace DataChallenge.Api.Tests.Security;

/// <summary>
/// A page on another site can make the browser send the session cookie with a form post, but cannot add headers nor
/// hide where it comes from: cookie-authenticated changes through the API need a same-origin request.
/// </summary>
public sealed class CrossSiteRequestTests : IAsyncLifetime
{
    private JudgingArena _arena = null!;

    public async ValueTask InitializeAsync()
    {
        _arena = await JudgingArena.StartAsync();
        await _arena.ScoredAsync(_arena.TeamA, JudgingFiles.Predictions(publicSwaps: 1));
    }

    public async ValueTask DisposeAsync() => await _arena.DisposeAsync();

    [Fact]
    public async Task Rescore_IsRefused_WhenAForeignSiteFormPostsWithTheSessionCookie()
    {
        var browser = await CookieBrowserAsync(_arena.Organiser.Email);

        var rescore = await browser.SendAsync(ForeignFormPost($"/api/phases/{_arena.PhaseId}/rescore"));
        var reveal = await browser.SendAsync(ForeignFormPost($"/api/phases/{_arena.PhaseId}/reveal"));

        Assert.Equal(HttpStatusCode.Forbidden, rescore.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reveal.StatusCode);
        Assert.Equal("application/problem+json", rescore.Content.Headers.ContentType?.MediaType);
        var state = await _arena.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_arena.PhaseId}/rescore");
        Assert.Equal("none", state.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await _arena.Anonymous.GetAsync($"/api/phases/{_arena.PhaseId}/leaderboard?board=private")).StatusCode);
    }

    [Fact]
    public async Task TeamLeave_IsRefused_WhenAForeignSitePostsWithoutAnyOriginHeaders()
    {
        var browser = await CookieBrowserAsync(_arena.TeamB.Email);

        var leave = await browser.PostAsync($"/api/challenges/{_arena.Slug}/team/leave", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Forbidden, leave.StatusCode);
    }

    [Fact]
    public async Task Reveal_IsAccepted_WhenThePageOfTheSameSitePostsWithTheSessionCookie()
    {
        var browser = await CookieBrowserAsync(_arena.Organiser.Email);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/phases/{_arena.PhaseId}/reveal");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add("Origin", "http://localhost");

        var reveal = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, reveal.StatusCode);
    }

    [Fact]
    public async Task Reveal_IsAccepted_WhenABearerTokenIsSentFromAnyOrigin()
    {
        var request = ForeignFormPost($"/api/phases/{_arena.PhaseId}/reveal");
        request.Headers.Authorization = _arena.Organiser.Client.DefaultRequestHeaders.Authorization;

        var reveal = await _arena.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, reveal.StatusCode);
    }

    private static HttpRequestMessage ForeignFormPost(string path)
    {
        // What a browser sends for <form method=post action="https://our.site/api/…"> on https://attacker.example.
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([KeyValuePair.Create("x", "1")]) };
        request.Headers.Add("Origin", "https://attacker.example");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        return request;
    }

    private async Task<HttpClient> CookieBrowserAsync(string email)
    {
        var browser = _arena.Server.CreateClient(new() { HandleCookies = true, AllowAutoRedirect = false });
        var login = await browser.PostAsJsonAsync("/api/account/login?useCookies=true", new { email, password = ApiSession.Password });
        await ApiSession.EnsureAsync(login, "sign in with a cookie");
        return browser;
    }
}
