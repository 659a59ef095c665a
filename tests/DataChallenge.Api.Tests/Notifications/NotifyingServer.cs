using System.Globalization;
using DataChallenge.Api.Jobs;
using DataChallenge.Testing;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace DataChallenge.Api.Tests.Notifications;

/// <summary>A server that mails through the real smtp4dev of the test services, with one organiser and one challenge.</summary>
public sealed class NotifyingServer : IAsyncDisposable
{
    private NotifyingServer(ServerFactory server, Smtp4dev smtp) => (Server, Smtp) = (server, smtp);

    public ServerFactory Server { get; }
    public Smtp4dev Smtp { get; }
    public ApiSession Organiser { get; private set; } = null!;
    public string Slug { get; private set; } = "";

    /// <param name="settings">More configuration, e.g. <c>Notifications:OutcomeMailAfter</c>.</param>
    public static async Task<NotifyingServer> StartAsync(params (string Key, string Value)[] settings)
    {
        var server = new ServerFactory
        {
            Settings =
            {
                ["Mail:Smtp:Host"] = Services.SmtpHost, ["Mail:Smtp:Port"] = Services.SmtpPort.ToString(CultureInfo.InvariantCulture),
                ["Mail:Smtp:Tls"] = "None", ["Mail:Smtp:Timeout"] = "00:00:10",
            },
        };
        foreach (var (key, value) in settings) server.Settings[key] = value;
        var stage = new NotifyingServer(server, new Smtp4dev(Services.SmtpApi));
        stage.Organiser = await ApiSession.RegisterAsync(server.CreateClient());
        // The tests run the job themselves: Hangfire's minute tick must not run it in between.
        server.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists("queue-due-notifications");
        stage.Slug = await stage.Organiser.CreateChallengeAsync();
        return stage;
    }

    public async Task<ApiSession> JoinedParticipantAsync()
    {
        var participant = await ApiSession.RegisterAsync(Server.CreateClient());
        await participant.JoinAsync(Slug);
        return participant;
    }

    /// <summary>One run of the scheduled job, as Hangfire would start it; the mails it queues leave through the server's queue.</summary>
    public async Task<int> RunNotificationJobAsync()
    {
        using var scope = Server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<QueueDueNotificationsJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>What smtp4dev received for the address, apart from the account's confirmation mail.</summary>
    public async Task<IReadOnlyList<MimeMessage>> NotificationsToAsync(string address)
        => (await Smtp.MessagesToAsync(address)).Where(m => !SentMail.IsConfirmation(m)).ToList();

    public async Task<MimeMessage> NotificationToAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if ((await NotificationsToAsync(address)).FirstOrDefault() is { } message) return message;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"smtp4dev received no notification for {address}.");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Smtp.Dispose();
        await Server.DisposeAsync();
    }
}
