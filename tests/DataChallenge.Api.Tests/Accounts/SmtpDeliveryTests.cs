using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Accounts;

/// <summary>
/// Account mail through a real SMTP server (smtp4dev on loopback, started by tests/services/start.sh), read back through
/// its HTTP API; and a server that is down when the mail leaves, which only delays it.
/// </summary>
public sealed class SmtpDeliveryTests
{
    [Fact]
    public async Task Confirmation_ArrivesThroughARealSmtpServer_AndItsLinkConfirmsTheAddress()
    {
        using var smtp = new Smtp4dev(Services.SmtpApi);
        await using var server = ServerSendingTo(Services.SmtpHost, Services.SmtpPort);
        var email = $"smtp-{Guid.NewGuid():N}@example.org";

        await ApiSession.RegisterAsync(server.CreateClient(), email, confirmAddress: false);

        var message = await smtp.WaitForAsync(email, TimeSpan.FromSeconds(30));
        Assert.Equal("Confirm your address on DataChallenge", message.Subject);
        Assert.Contains("no-reply@localhost", message.From.ToString());
        Assert.NotNull(message.TextBody);
        Assert.NotNull(message.HtmlBody);
        var page = await server.CreateClient().GetAsync(SentMail.LinkIn(message).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Your address is confirmed.", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Mail_ArrivesOnce_WhenTheSmtpServerComesUpAfterBeingDown()
    {
        var executable = Services.SmtpServerExecutable;
        var (smtpPort, apiPort) = (FreePort(), FreePort());
        await using var server = ServerSendingTo("127.0.0.1", smtpPort);
        var email = $"later-{Guid.NewGuid():N}@example.org";

        await ApiSession.RegisterAsync(server.CreateClient(), email, confirmAddress: false);
        await WaitUntilAsync(() => server.Logs.Lines.Any(l => l.Contains("could not be sent; it stays queued", StringComparison.Ordinal)), "a failed delivery attempt");
        Assert.Empty(SentMail.To(email));

        using var smtpServer = StartSmtp4dev(executable, smtpPort, apiPort);
        try
        {
            using var smtp = new Smtp4dev($"http://127.0.0.1:{apiPort}");
            await smtp.WaitForAsync(email, TimeSpan.FromSeconds(90));
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Single(await smtp.MessagesToAsync(email));
        }
        finally
        {
            smtpServer.Kill(entireProcessTree: true);
        }
    }

    private static ServerFactory ServerSendingTo(string host, int port) => new()
    {
        Settings =
        {
            ["Mail:Smtp:Host"] = host, ["Mail:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture), ["Mail:Smtp:Tls"] = "None",
            ["Mail:Smtp:Timeout"] = "00:00:10",
        },
    };

    private static Process StartSmtp4dev(string executable, int smtpPort, int apiPort)
    {
        var settings = Directory.CreateTempSubdirectory("smtp4dev-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                "--nousersettings", "--db=", "--bindaddress=127.0.0.1", "--hostname=localhost", $"--smtpport={smtpPort}", "--imapport=0",
                "--pop3port=0", $"--urls=http://127.0.0.1:{apiPort}",
            },
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = settings,
        };
        start.Environment["XDG_CONFIG_HOME"] = settings;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Never saw {what}.");
            await Task.Delay(50);
        }
    }
}
