using System.Net;
using DataChallenge.Testing;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>A cookie-keeping client that signs in through the form, and posts forms with their anti-forgery token.</summary>
public sealed class PageBrowser
{
    private PageBrowser(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static async Task<PageBrowser> SignInAsync(ServerFactory server, string email)
    {
        var client = server.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/signin");
        await ApiSession.EnsureAsync(await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = ApiSession.Password, ["__RequestVerificationToken"] = TokenIn(form),
        })), "sign in", HttpStatusCode.Redirect);
        return new PageBrowser(client);
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="url"/> with the token of a page this person may open.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IDictionary<string, string> fields, string tokenPage = "/console")
    {
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = TokenIn(await Client.GetStringAsync(tokenPage)) };
        return await Client.PostAsync(url, new FormUrlEncodedContent(body));
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
