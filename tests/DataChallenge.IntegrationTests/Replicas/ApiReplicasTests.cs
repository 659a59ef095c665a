using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DataChallenge.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DataChallenge.IntegrationTests.Replicas;

/// <summary>Two api replicas on one PostgreSQL, each with its own data folder: a person signed in on one is signed in on the other.</summary>
public sealed partial class ApiReplicasTests : IAsyncLifetime
{
    private readonly string _runId = RealServices.NewRunId();
    private ServerFactory _first = null!;
    private ServerFactory _second = null!;

    public ValueTask InitializeAsync()
    {
        _first = RealServices.PostgresOnlyServer(_runId);
        _second = RealServices.PostgresOnlyServer(_runId);
        foreach (var server in new[] { _first, _second }) server.Settings["Roles"] = "api";
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await RealServices.DropDatabaseIfUsedAsync(_runId);
    }

    [Fact]
    public async Task SignIn_IsHonouredByTheOtherReplica_WhenBothShareTheDatabase()
    {
        var session = await ApiSession.RegisterAsync(_first.CreateClient());
        var first = _first.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var signIn = await first.PostAsJsonAsync("/api/account/login?useCookies=true", new { email = session.Email, password = ApiSession.Password },
            TestContext.Current.CancellationToken);
        await ApiSession.EnsureAsync(signIn, "sign in with a cookie");
        var cookies = Cookies(signIn);
        var page = await first.SendAsync(WithCookies(HttpMethod.Get, "/console", cookies), TestContext.Current.CancellationToken);
        await ApiSession.EnsureAsync(page, "open the console");
        cookies = $"{cookies}; {Cookies(page)}";
        var antiforgery = AntiforgeryField().Match(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value;
        var second = _second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        var bearer = new HttpRequestMessage(HttpMethod.Get, "/api/account/manage/info") { Headers = { Authorization = session.Client.DefaultRequestHeaders.Authorization } };
        Assert.Equal(HttpStatusCode.OK, (await second.SendAsync(bearer, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.SendAsync(WithCookies(HttpMethod.Get, "/console", cookies), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.SendAsync(WithCookies(HttpMethod.Get, "/api/account/manage/info", cookies), TestContext.Current.CancellationToken)).StatusCode);
        var form = WithCookies(HttpMethod.Post, "/culture", cookies);
        form.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "fr", ["returnUrl"] = "/console", ["__RequestVerificationToken"] = antiforgery });
        var posted = await second.SendAsync(form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/console", posted.Headers.Location?.OriginalString);
    }

    private static HttpRequestMessage WithCookies(HttpMethod method, string path, string cookies)
        => new(method, path) { Headers = { { "Cookie", cookies } } };

    private static string Cookies(HttpResponseMessage response)
        => string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
