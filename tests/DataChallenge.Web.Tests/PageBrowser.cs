using System.Net;
using DataChallenge.Testing;

namespace DataChallenge.Web.Tests;

/// <summary>A person who has an API session and a browser (cookies, no redirect following) signed in through the pages.</summary>
public sealed record PageBrowser(ApiSession Api, HttpClient Browser)
{
    public static async Task<PageBrowser> SignUpAsync(ServerFactory server, string? email = null)
        => await SignInAsync(server, await ApiSession.RegisterAsync(server.CreateClient(), email));

    /// <summary>Signs the person of <paramref name="api"/> in through the sign-in form.</summary>
    public static async Task<PageBrowser> SignInAsync(ServerFactory server, ApiSession api)
    {
        var browser = server.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/account/signin");
        await ApiSession.EnsureAsync(await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = api.Email, ["Password"] = ApiSession.Password, ["__RequestVerificationToken"] = TokenIn(form),
        })), "sign in", HttpStatusCode.Redirect);
        return new PageBrowser(api, browser);
    }

    /// <summary>Reads the page at <paramref name="path"/> and posts a form of it with its anti-forgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string action, Dictionary<string, string> fields,
        IEnumerable<(string Name, Guid Value)>? repeated = null)
    {
        var page = await Browser.GetStringAsync(path);
        fields["__RequestVerificationToken"] = TokenIn(page);
        var pairs = fields.Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Concat((repeated ?? []).Select(r => KeyValuePair.Create(r.Name, r.Value.ToString())));
        return await Browser.PostAsync(action, new FormUrlEncodedContent(pairs));
    }

    public static string TokenIn(string html)
    {
        const string marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, "The page carries no anti-forgery token.");
        start += marker.Length;
        return html[start..html.IndexOf('"', start)];
    }
}
