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
    public async Task SignUp_SaysTheAddressIsTakenInFrench_WhenItIsAlreadyRegistered()
    {
        await ApiSession.RegisterAsync(_server.CreateClient(), "deja@example.org");

        var response = await SignUpAsync("deja@example.org", ApiSession.Password, "fr");

        Assert.Contains("L’adresse deja@example.org est déjà inscrite.", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

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
