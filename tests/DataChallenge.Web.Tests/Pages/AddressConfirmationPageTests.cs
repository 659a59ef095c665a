using DataChallenge.Testing;

namespace DataChallenge.Web.Tests.Pages;

/// <summary>A person whose address is unconfirmed is told, on the challenge page, what to do, and can ask for a new link.</summary>
public sealed class AddressConfirmationPageTests : IAsyncLifetime
{
    private ChallengeStage _stage = null!;

    public async ValueTask InitializeAsync() => _stage = await ChallengeStage.StartAsync();

    public ValueTask DisposeAsync() => _stage.DisposeAsync();

    [Fact]
    public async Task ChallengePage_OffersANewConfirmationLinkInsteadOfJoining_WhenTheAddressIsUnconfirmed()
    {
        var person = await PageBrowser.SignInAsync(_stage.Server, await ApiSession.RegisterAsync(_stage.Server.CreateClient(), confirmAddress: false));
        var earlier = SentMail.To(person.Api.Email).Count(SentMail.IsConfirmation);

        var page = await person.Browser.GetStringAsync($"/challenges/{_stage.Slug}");
        var resent = await person.PostFormAsync($"/challenges/{_stage.Slug}", "/account/confirm?handler=Resend", []);

        Assert.Contains("data-block=\"unconfirmed\"", page);
        Assert.DoesNotContain("Join this challenge", page);
        Assert.Contains("We sent you a new confirmation link.", await resent.Content.ReadAsStringAsync());
        var link = SentMail.LinkIn(await SentMail.WaitForAsync(person.Api.Email, SentMail.IsConfirmation, earlier));
        await person.Browser.GetStringAsync(link.PathAndQuery);
        Assert.Contains("Join this challenge", await person.Browser.GetStringAsync($"/challenges/{_stage.Slug}"));
    }
}
