using System.Net;
using System.Web;
using DataChallenge.Testing;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>Forgot-password and reset-password pages: the same answer for any address, and a link that works once.</summary>
public sealed class PasswordResetPageTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task ForgotPasswordPage_AnswersAlike_WhetherOrNotTheAddressHasAnAccount()
    {
        var person = await ApiSession.RegisterAsync(_server.CreateClient());

        var known = await ForgotAsync(person.Email);
        var unknown = await ForgotAsync($"nobody-{Guid.NewGuid():N}@example.org");

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(known.Notice, unknown.Notice);
        Assert.Contains("If an account has this address", known.Notice);
        await SentMail.WaitForAsync(person.Email, m => SentMail.LinkIn(m).AbsolutePath == "/account/reset-password");
    }

    [Fact]
    public async Task ResetPasswordPage_SetsANewPasswordOnce_FromTheMailedLink()
    {
        var person = await ApiSession.RegisterAsync(_server.CreateClient());
        await ForgotAsync(person.Email);
        var link = SentMail.LinkIn(await SentMail.WaitForAsync(person.Email, m => SentMail.LinkIn(m).AbsolutePath == "/account/reset-password"));

        var first = await ResetAsync(link, "a brand new passphrase");
        var second = await ResetAsync(link, "another new passphrase");

        Assert.Contains("Your password is changed", first);
        Assert.Contains("This link is not valid any more", second);
        Assert.Equal(HttpStatusCode.OK, (await _server.CreateClient().PostAsync("/api/account/login",
            JsonContent("{\"email\":\"" + person.Email + "\",\"password\":\"a brand new passphrase\"}"))).StatusCode);
    }

    private async Task<(HttpStatusCode Status, string Notice)> ForgotAsync(string email)
    {
        var browser = _server.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/account/forgot-password");
        var response = await browser.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["__RequestVerificationToken"] = PageBrowser.TokenIn(form),
        }));
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("<p role=\"status\">", StringComparison.Ordinal);
        return (response.StatusCode, start < 0 ? "" : WebUtility.HtmlDecode(html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)]));
    }

    private async Task<string> ResetAsync(Uri link, string password)
    {
        var browser = _server.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync(link.PathAndQuery);
        var query = HttpUtility.ParseQueryString(link.Query);
        var response = await browser.PostAsync("/account/reset-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = query["email"]!, ["Code"] = query["code"]!, ["Password"] = password, ["ConfirmPassword"] = password,
            ["__RequestVerificationToken"] = PageBrowser.TokenIn(form),
        }));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
