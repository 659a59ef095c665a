using System.Net;
using DataChallenge.Testing;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>Sign-up errors come from Identity; the page shows them in the reader's language.</summary>
public sealed class SignUpPageTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task SignUp_ExplainsThePasswordRuleInFrench_WhenAFrenchReaderChoosesAShortPassword()
    {
        var response = await SignUpAsync("court@example.org", "court", "fr-FR,fr;q=0.9");

        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Le mot de passe doit compter au moins 10 caractères.", html);
        Assert.DoesNotContain("Passwords must be at least", html);
    }

    [Fact]
    public async Task SignUp_AnswersAsForANewAddressAndMailsTheOwner_WhenTheAddressIsTaken()
    {
        var owner = await ApiSession.RegisterAsync(_server.CreateClient(), $"deja-{Guid.NewGuid():N}@example.org");

        var taken = await SignUpAsync(owner.Email, "a different passphrase", "fr");
        var fresh = await SignUpAsync($"nouveau-{Guid.NewGuid():N}@example.org", "a different passphrase", "fr");

        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(fresh.Headers.Location, taken.Headers.Location);
        Assert.Equal(Cookies(fresh), Cookies(taken));
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await taken.Content.ReadAsStringAsync());
        var warning = await SentMail.WaitForAsync(owner.Email, m => !SentMail.IsConfirmation(m));
        // In the owner's language (registered in English), not the language of whoever tried.
        Assert.Equal("Someone tried to register with your address", warning.Subject);
        Assert.EndsWith("/account/forgot-password", SentMail.LinkIn(warning).AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUp_MailsAConfirmationLink_ThatConfirmsTheAddressOnItsPage()
    {
        var email = $"new-{Guid.NewGuid():N}@example.org";

        var response = await SignUpAsync(email, ApiSession.Password, "en");

        Assert.Equal("/account/check-mail", response.Headers.Location?.OriginalString);
        var link = SentMail.LinkIn(await SentMail.WaitForAsync(email, SentMail.IsConfirmation));
        var page = await _server.CreateClient().GetStringAsync(link.PathAndQuery);
        Assert.Contains("Your address is confirmed.", page);
    }

    private static string Cookies(HttpResponseMessage response)
        => string.Join(",", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split('=')[0]).Order() : []);

    [Fact]
    public async Task SignUp_ExplainsThePasswordRuleInEnglish_WhenTheReaderAsksForEnglish()
    {
        var response = await SignUpAsync("short@example.org", "short", "en");

        Assert.Contains("The password needs at least 10 characters.", await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> SignUpAsync(string email, string password, string language)
    {
        var browser = _server.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var form = await browser.GetStringAsync("/account/signup");
        return await browser.PostAsync("/account/signup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["ConfirmPassword"] = password, ["__RequestVerificationToken"] = PageBrowser.TokenIn(form),
        }));
    }
}
