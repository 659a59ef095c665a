using DataChallenge.Api.Mail;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Notifications;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Jobs;

/// <summary>
/// Finds what participants should hear about (late submission outcomes, phases that opened or close within a day,
/// reveals, announcements) and queues one mail per person who wants it. Each mail is claimed first by a unique marker
/// row, so the job may run twice, late, or on two servers at once: everyone is mailed once.
/// </summary>
/// <remarks>
/// Outcomes are found here rather than in the leaderboard role that records them: only the api role runs the mail
/// queue, and reading the finished rows needs no message of its own.
/// </remarks>
public sealed class QueueDueNotificationsJob(DataChallengeDbContext db, IBackgroundJobClient jobs, TimeProvider clock, IOptions<NotificationOptions> options)
{
    private const int Batch = 500;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var since = now - settings.Lookback;
        var queued = await OutcomesAsync(since, settings.OutcomeMailAfter, now, cancellationToken);

        var opened = await db.Phases.AsNoTracking().Where(p => p.OpensAt <= now && p.OpensAt >= since && (p.ClosesAt == null || p.ClosesAt > now))
            .Select(p => new { p.Id, p.ChallengeId }).Take(Batch).ToListAsync(cancellationToken);
        foreach (var phase in opened) queued += await ToParticipantsAsync(NotificationTopic.PhaseOpened, phase.Id, phase.ChallengeId, now, cancellationToken);

        var closingBy = now + settings.ClosingReminder;
        var closing = await db.Phases.AsNoTracking().Where(p => p.ClosesAt > now && p.ClosesAt <= closingBy && p.PrivateRevealedAt == null)
            .Select(p => new { p.Id, p.ChallengeId }).Take(Batch).ToListAsync(cancellationToken);
        foreach (var phase in closing) queued += await ToParticipantsAsync(NotificationTopic.PhaseClosing, phase.Id, phase.ChallengeId, now, cancellationToken);

        var revealed = await db.Phases.AsNoTracking().Where(p => p.PrivateRevealedAt >= since)
            .Select(p => new { p.Id, p.ChallengeId }).Take(Batch).ToListAsync(cancellationToken);
        foreach (var phase in revealed) queued += await ToParticipantsAsync(NotificationTopic.Reveal, phase.Id, phase.ChallengeId, now, cancellationToken);

        var news = await db.Announcements.AsNoTracking().Where(a => a.PublishedAt >= since)
            .Select(a => new { a.Id, a.ChallengeId }).Take(Batch).ToListAsync(cancellationToken);
        foreach (var announcement in news) queued += await ToParticipantsAsync(NotificationTopic.Announcement, announcement.Id, announcement.ChallengeId, now, cancellationToken);
        return queued;
    }

    private async Task<int> OutcomesAsync(DateTimeOffset since, TimeSpan after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var finished = await (
                from s in db.Submissions.AsNoTracking()
                join p in db.Phases on s.PhaseId equals p.Id
                where s.FinishedAt >= since && !s.IsBaseline
                      && db.Participants.Any(r => r.ChallengeId == p.ChallengeId && r.UserId == s.UserId
                          && (r.Notifications & NotificationKind.SubmissionOutcomes) != NotificationKind.None)
                      && !db.SentNotifications.Any(n => n.Topic == NotificationTopic.SubmissionOutcome && n.ItemId == s.Id)
                select new { s.Id, s.UserId, s.Status, s.ReceivedAt, s.FinishedAt, p.ChallengeId })
            .Take(Batch).ToListAsync(cancellationToken);
        var queued = 0;
        // Compared here: SQLite stores instants as ticks and cannot subtract them. Those who waited longer saw it already.
        foreach (var s in finished.Where(s => SubmissionLifecycle.IsFinished(s.Status) && s.FinishedAt - s.ReceivedAt > after))
            if (await ClaimAndQueueAsync(NotificationTopic.SubmissionOutcome, s.Id, s.ChallengeId, s.UserId, now, cancellationToken)) queued++;
        return queued;
    }

    private async Task<int> ToParticipantsAsync(NotificationTopic topic, Guid itemId, Guid challengeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kind = topic.Kind();
        var recipients = await db.Participants.AsNoTracking()
            .Where(r => r.ChallengeId == challengeId && r.Status == ParticipantStatus.Approved && (r.Notifications & kind) != NotificationKind.None)
            .Where(r => !db.SentNotifications.Any(n => n.Topic == topic && n.ItemId == itemId && n.UserId == r.UserId))
            .Select(r => r.UserId).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var userId in recipients)
            if (await ClaimAndQueueAsync(topic, itemId, challengeId, userId, now, cancellationToken)) queued++;
        return queued;
    }

    private async Task<bool> ClaimAndQueueAsync(NotificationTopic topic, Guid itemId, Guid challengeId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await NotificationClaims.TryClaimAsync(db, topic, itemId, userId, challengeId, now, cancellationToken)) return false;
        jobs.Enqueue<SendNotificationJob>(job => job.RunAsync(topic, itemId, challengeId, userId, CancellationToken.None));
        return true;
    }
}
