using System.Net.Http.Json;
using DataChallenge.Testing;
using MimeKit;

namespace DataChallenge.Api.Tests.Accounts;

/// <summary>Without an SMTP server, each message is an .eml file under the data folder, and the log says where.</summary>
public sealed class MailFolderTests : IAsyncLifetime
{
    private const string PublicUrl = "https://challenges.example.org";
    private readonly ServerFactory _server = new() { Settings = { ["Platform:PublicUrl"] = PublicUrl } };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Registration_WritesAConfirmationEmlFile_WhenNoSmtpServerIsConfigured()
    {
        var email = $"eml-{Guid.NewGuid():N}@example.org";

        await ApiSession.RegisterAsync(_server.CreateClient(), email, confirmAddress: false);

        var file = await WaitForFileAsync(email);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Confirm your address on DataChallenge", message.Subject);
        Assert.NotNull(message.TextBody);
        Assert.NotNull(message.HtmlBody);
        Assert.StartsWith(PublicUrl + "/account/confirm?", SentMail.LinkIn(message).AbsoluteUri);
        Assert.Contains(SentMail.LinkIn(message).AbsoluteUri.Replace("&", "&amp;"), message.HtmlBody);
        Assert.Contains(_server.Logs.Lines, line => line.Contains(file, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfirmationLink_PointsAtThePublicUrl_WhenTheRequestNamesAnotherHost()
    {
        var email = $"host-{Guid.NewGuid():N}@example.org";
        var client = _server.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/register") { Content = JsonContent.Create(new { email, password = ApiSession.Password }) };
        request.Headers.Host = "attacker.example";

        await ApiSession.EnsureAsync(await client.SendAsync(request), "register");

        var link = SentMail.LinkIn(await SentMail.WaitForAsync(email));
        Assert.Equal("challenges.example.org", link.Host);
        Assert.Equal("https", link.Scheme);
    }

    [Fact]
    public async Task Confirmation_IsInFrench_WhenTheReaderRegistersInFrench()
    {
        var email = $"fr-{Guid.NewGuid():N}@example.org";
        var client = _server.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");

        await ApiSession.RegisterAsync(client, email, confirmAddress: false);

        var message = await SentMail.WaitForAsync(email);
        Assert.Equal("Confirmez votre adresse sur DataChallenge", message.Subject);
        Assert.Contains("Confirmer mon adresse", message.HtmlBody);
    }

    private async Task<string> WaitForFileAsync(string email)
    {
        var folder = Path.Combine(_server.DataFolder, "mail");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
                if ((await File.ReadAllTextAsync(file)).Contains(email, StringComparison.Ordinal)) return file;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No .eml file for {email} in {folder}.");
    }
}
