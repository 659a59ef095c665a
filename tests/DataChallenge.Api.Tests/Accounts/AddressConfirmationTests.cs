using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Core.Persistence;
using DataChallenge.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataChallenge.Api.Tests.Accounts;

/// <summary>One person, one confirmed address: joining, downloading and submitting wait for the confirmation link.</summary>
public sealed class AddressConfirmationTests : IAsyncLifetime
{
    private ChallengeStage _stage = null!;
    private Guid _phaseId;

    private ServerFactory Server => _stage.Server;
    private string Slug => _stage.Slug;

    public async ValueTask InitializeAsync()
    {
        _stage = await ChallengeStage.StartAsync();
        _phaseId = await _stage.Organiser.CreateSamplePhaseAsync(Slug);
        await ApiSession.EnsureAsync(await _stage.Organiser.Client.PutAsync($"/api/challenges/{Slug}/files/train.csv",
            new StringContent("id,x\n1,2\n", Encoding.UTF8, "text/csv")), "upload public file");
    }

    public ValueTask DisposeAsync() => _stage.DisposeAsync();

    [Fact]
    public async Task Join_Answers403WithWhatToDo_WhenTheAddressIsUnconfirmed()
    {
        var newcomer = await ApiSession.RegisterAsync(Server.CreateClient(), confirmAddress: false);

        var response = await newcomer.Client.PostAsJsonAsync($"/api/challenges/{Slug}/join", new { teamName = "Unconfirmed" });

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task DownloadAndSubmit_Answer403_WhenTheAddressIsNoLongerConfirmed()
    {
        var competitor = await ApiSession.RegisterAsync(Server.CreateClient());
        await competitor.JoinAsync(Slug);
        await SetConfirmedAsync(competitor.Email, false);

        await AssertRefusedAsync(await competitor.Client.GetAsync($"/api/challenges/{Slug}/files/train.csv"));
        await AssertRefusedAsync(await competitor.SubmitRawAsync(_phaseId, SampleFiles.Predictions()));
    }

    [Fact]
    public async Task ConfirmationLink_LetsThePersonJoin_WhenFollowed()
    {
        var email = $"late-{Guid.NewGuid():N}@example.org";
        var newcomer = await ApiSession.RegisterAsync(Server.CreateClient(), email, confirmAddress: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.Client.PostAsJsonAsync($"/api/challenges/{Slug}/join", new { teamName = "Late" })).StatusCode);

        await ApiSession.ConfirmAddressAsync(Server.CreateClient(), email);

        Assert.Equal(HttpStatusCode.OK, (await newcomer.Client.PostAsJsonAsync($"/api/challenges/{Slug}/join", new { teamName = "Late" })).StatusCode);
    }

    [Fact]
    public async Task ConfirmationPage_Answers400_WhenTheCodeIsForged()
    {
        var newcomer = await ApiSession.RegisterAsync(Server.CreateClient(), confirmAddress: false);
        var mail = await SentMail.WaitForAsync(newcomer.Email, SentMail.IsConfirmation);
        var link = SentMail.LinkIn(mail).PathAndQuery;
        var forged = link[..(link.IndexOf("code=", StringComparison.Ordinal) + 5)] + "Zm9yZ2Vk";

        var response = await Server.CreateClient().GetAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await IsConfirmedAsync(newcomer.Email));
    }

    [Fact]
    public async Task Register_MailsTheOwnerAndAnswersAsForANewAddress_WhenTheAddressIsTaken()
    {
        var owner = await ApiSession.RegisterAsync(Server.CreateClient());
        var fresh = $"fresh-{Guid.NewGuid():N}@example.org";

        var taken = await Server.CreateClient().PostAsJsonAsync("/api/account/register", new { email = owner.Email, password = "another long passphrase" });
        var created = await Server.CreateClient().PostAsJsonAsync("/api/account/register", new { email = fresh, password = "another long passphrase" });

        Assert.Equal(created.StatusCode, taken.StatusCode);
        Assert.Equal(await created.Content.ReadAsStringAsync(), await taken.Content.ReadAsStringAsync());
        var warning = await SentMail.WaitForAsync(owner.Email, m => !SentMail.IsConfirmation(m));
        Assert.Equal("Someone tried to register with your address", warning.Subject);
    }

    [Fact]
    public async Task AddressChange_MovesTheAccountToTheNewAddress_OnlyWhenItsMailedLinkIsFollowed()
    {
        var person = await ApiSession.RegisterAsync(Server.CreateClient());
        var newAddress = $"moved-{Guid.NewGuid():N}@example.org";

        await ApiSession.EnsureAsync(await person.Client.PostAsJsonAsync("/api/account/manage/info", new { newEmail = newAddress }), "ask for a new address");
        var beforeFollowing = await LoginAsync(newAddress);
        var link = SentMail.LinkIn(await SentMail.WaitForAsync(newAddress));
        var page = await Server.CreateClient().GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Unauthorized, beforeFollowing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(newAddress)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(person.Email)).StatusCode);
        Assert.True(await IsConfirmedAsync(newAddress));
    }

    [Fact]
    public async Task ResendConfirmation_AnswersAlikeAndMailsOnlyAnUnconfirmedAccount()
    {
        var unconfirmed = await ApiSession.RegisterAsync(Server.CreateClient(), confirmAddress: false);
        var earlier = SentMail.To(unconfirmed.Email).Count(SentMail.IsConfirmation);

        var known = await Server.CreateClient().PostAsJsonAsync("/api/account/resendConfirmationEmail", new { email = unconfirmed.Email });
        var unknown = await Server.CreateClient().PostAsJsonAsync("/api/account/resendConfirmationEmail", new { email = $"nobody-{Guid.NewGuid():N}@example.org" });

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        await SentMail.WaitForAsync(unconfirmed.Email, SentMail.IsConfirmation, earlier);
    }

    private Task<HttpResponseMessage> LoginAsync(string email)
        => Server.CreateClient().PostAsJsonAsync("/api/account/login", new { email, password = ApiSession.Password });

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Confirm your address", problem.GetProperty("title").GetString());
        Assert.Contains("/api/account/resendConfirmationEmail", problem.GetProperty("detail").GetString());
    }

    private async Task SetConfirmedAsync(string email, bool confirmed)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>().Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, confirmed));
    }

    private async Task<bool> IsConfirmedAsync(string email)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>().Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync();
    }
}
