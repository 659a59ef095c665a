using DataChallenge.Api.Features.Notifications;
using DataChallenge.Api.Mail;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Notifications;
using DataChallenge.Core.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DataChallenge.Api.Jobs;

/// <summary>
/// Sends one notification to one participant. The preference is read again when the mail leaves, so an unsubscribe
/// clicked meanwhile holds; the words are written then too, from the rows as they are.
/// </summary>
public sealed class SendNotificationJob(DataChallengeDbContext db, NotificationContent content, NotificationMailComposer composer, UnsubscribeTokens tokens,
    PublicLinks links, IMailTransport transport, ILogger<SendNotificationJob> logger)
{
    [AutomaticRetry(Attempts = 80, DelaysInSeconds = [5, 10, 20, 30, 60, 120, 300, 600, 1800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public async Task RunAsync(NotificationTopic topic, Guid itemId, Guid challengeId, Guid userId, CancellationToken cancellationToken)
    {
        var kind = topic.Kind();
        var wanted = await db.Participants.AsNoTracking()
            .AnyAsync(p => p.ChallengeId == challengeId && p.UserId == userId && (p.Notifications & kind) != NotificationKind.None, cancellationToken);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var challenge = await db.Challenges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == challengeId, cancellationToken);
        if (!wanted || user?.Email is null || challenge is null) return;
        var language = await db.UserClaims.AsNoTracking().Where(c => c.UserId == userId && c.ClaimType == AccountLanguage.ClaimType)
            .Select(c => c.ClaimValue).FirstOrDefaultAsync(cancellationToken) ?? AccountLanguage.Supported[0];
        if (await content.WriteAsync(topic, itemId, challenge, language, cancellationToken) is not { } mail) return;
        var unsubscribe = links.To($"/notifications/unsubscribe?token={Uri.EscapeDataString(tokens.Issue(new Unsubscription(userId, challengeId, kind)))}");
        try
        {
            await transport.SendAsync(composer.Compose(mail, language, user.Email, unsubscribe), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "A {Topic} notification could not be sent; it stays queued and is retried", topic);
            throw;
        }
    }
}
