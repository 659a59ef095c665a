using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataChallenge.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DataChallenge.IntegrationTests.Replicas;

/// <summary>
/// Two api replicas on one PostgreSQL and one RabbitMQ, each with its own data folder and no sticky sessions: a person
/// signed in on one is signed in on the other, for pages, their forms and the API alike.
/// </summary>
public sealed partial class ApiReplicasTests : IAsyncLifetime
{
    private readonly string _runId = RealServices.NewRunId();
    private RabbitMqVirtualHost _broker = null!;
    private ServerFactory _first = null!;
    private ServerFactory _second = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = RealServices.Settings(_runId);
        _broker = await RabbitMqVirtualHost.CreateAsync(_runId);
        settings["Bus:RabbitMqUrl"] = _broker.Url;
        await ObjectStoreRights.ProvisionAsync(_runId);
        _first = new ServerFactory();
        _second = new ServerFactory();
        foreach (var server in new[] { _first, _second })
        {
            foreach (var (key, value) in settings) server.Settings[key] = value;
            server.Settings["Roles"] = "api";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _broker.DisposeAsync();
        await RealServices.DropDatabaseIfUsedAsync(_runId);
    }

    [Fact]
    public async Task SignIn_IsHonouredByTheOtherReplica_WhenBothShareTheDatabase()
    {
        var session = await ApiSession.RegisterAsync(_first.CreateClient());
        var first = Browser(_first);
        var signIn = await first.PostAsJsonAsync("/api/account/login?useCookies=true", new { email = session.Email, password = ApiSession.Password },
            TestContext.Current.CancellationToken);
        await ApiSession.EnsureAsync(signIn, "sign in with a cookie");
        var cookies = Cookies(signIn);
        var page = await first.SendAsync(WithCookies(HttpMethod.Get, "/console", cookies), TestContext.Current.CancellationToken);
        await ApiSession.EnsureAsync(page, "open the console");
        cookies = $"{cookies}; {Cookies(page)}";
        var antiforgery = AntiforgeryField().Match(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Groups[1].Value;
        var second = Browser(_second);

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

    [Fact]
    public async Task SignInForm_OnOneReplica_LetsThePersonJoinAndUploadOnTheOther()
    {
        var organiser = await ApiSession.RegisterAsync(_first.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var phaseId = await organiser.CreateSamplePhaseAsync(slug);
        var competitor = await ApiSession.RegisterAsync(_first.CreateClient());
        var (first, second) = (Browser(_first), Browser(_second));
        var cancel = TestContext.Current.CancellationToken;

        // The sign-in form, its anti-forgery token and cookie, all from the first replica.
        var jar = new CookieJar();
        var signInPage = jar.Keep(await first.SendAsync(jar.Request(HttpMethod.Get, "/account/signin"), cancel));
        var signIn = jar.Request(HttpMethod.Post, "/account/signin");
        signIn.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = competitor.Email, ["Password"] = ApiSession.Password, ["ReturnUrl"] = $"/challenges/{slug}",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(signInPage),
        });
        var signedIn = jar.Keep(await first.SendAsync(signIn, cancel));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal($"/challenges/{slug}", signedIn.Headers.Location?.OriginalString);
        // The join form's token is bound to the signed-in person: it comes from the first replica's challenge page.
        var joinToken = await AntiforgeryTokenAsync(jar.Keep(await first.SendAsync(jar.Request(HttpMethod.Get, $"/challenges/{slug}"), cancel)));

        var challengePage = await second.SendAsync(jar.Request(HttpMethod.Get, $"/challenges/{slug}"), cancel);
        await ApiSession.EnsureAsync(challengePage, "open the challenge page on the other replica");
        Assert.Contains($"<span class=\"who\">{HtmlEncoder.Default.Encode(competitor.Email)}</span>", await challengePage.Content.ReadAsStringAsync(cancel));

        var join = jar.Request(HttpMethod.Post, $"/challenges/{slug}?handler=Join");
        join.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["NewTeamName"] = "Across replicas", ["__RequestVerificationToken"] = joinToken });
        var joined = await second.SendAsync(join, cancel);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal($"/challenges/{slug}", joined.Headers.Location?.OriginalString);

        var team = await second.SendAsync(jar.Request(HttpMethod.Get, $"/api/challenges/{slug}/team"), cancel);
        await ApiSession.EnsureAsync(team, "read my team with the cookie on the other replica");
        Assert.Equal("Across replicas", (await team.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("name").GetString());

        // As the submit page's script sends it: the browser marks the request as coming from the site itself.
        var upload = jar.Request(HttpMethod.Post, $"/api/phases/{phaseId}/submissions");
        upload.Headers.Add("Sec-Fetch-Site", "same-origin");
        upload.Content = new MultipartFormDataContent { { new StringContent(SampleFiles.Predictions(), Encoding.UTF8, "text/csv"), "file", "predictions.csv" } };
        var uploaded = await second.SendAsync(upload, cancel);
        await ApiSession.EnsureAsync(uploaded, "upload with the cookie on the other replica", HttpStatusCode.Accepted);
        Assert.Equal("Received", (await uploaded.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("status").GetString());
    }

    /// <summary>A client that, like a browser behind a proxy without sticky sessions, carries only the cookies it is given.</summary>
    private static HttpClient Browser(ServerFactory server)
        => server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    private static async Task<string> AntiforgeryTokenAsync(HttpResponseMessage page)
    {
        await ApiSession.EnsureAsync(page, "open a page with a form");
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(token);
        return token;
    }

    private static HttpRequestMessage WithCookies(HttpMethod method, string path, string cookies)
        => new(method, path) { Headers = { { "Cookie", cookies } } };

    private static string Cookies(HttpResponseMessage response)
        => string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>The cookies a browser keeps across replicas: the latest value of each name wins.</summary>
    private sealed class CookieJar
    {
        private readonly Dictionary<string, string> _cookies = [];

        public HttpResponseMessage Keep(HttpResponseMessage response)
        {
            foreach (var cookie in Cookies(response).Split("; ", StringSplitOptions.RemoveEmptyEntries))
                _cookies[cookie[..cookie.IndexOf('=')]] = cookie;
            return response;
        }

        public HttpRequestMessage Request(HttpMethod method, string path)
            => _cookies.Count == 0 ? new HttpRequestMessage(method, path) : WithCookies(method, path, string.Join("; ", _cookies.Values));
    }
}
