using DataChallenge.Core.Challenges;
using DataChallenge.Core.Judging;
using DataChallenge.Core.Notifications;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Scoring;
using DataChallenge.Web.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Mail;

/// <summary>
/// Writes a notification from the database as it is when the mail leaves. A score is the public one as the team may
/// read it (rounded, under the Ladder only when it moved); private scores and a failure's reason never go out.
/// </summary>
public sealed class NotificationContent(DataChallengeDbContext db, PublicLinks links, MarkdownRenderer markdown)
{
    /// <summary>Null when the item is gone (a deleted announcement): nothing to say.</summary>
    public async Task<NotificationMail?> WriteAsync(NotificationTopic topic, Guid itemId, Challenge challenge, string language, CancellationToken cancellationToken)
    {
        var link = links.To($"/challenges/{Uri.EscapeDataString(challenge.Slug)}");
        if (topic == NotificationTopic.Announcement)
        {
            var news = await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == itemId && a.ChallengeId == challenge.Id, cancellationToken);
            return news is null ? null
                : new NotificationMail(NotificationMailTexts.AnnouncementSubject(challenge.Title, news.Title), [news.Title, news.Body], link,
                    $"<h1>{System.Net.WebUtility.HtmlEncode(news.Title)}</h1>{markdown.Render(news.Body)}");
        }
        if (topic == NotificationTopic.SubmissionOutcome) return await OutcomeAsync(itemId, challenge, language, link, cancellationToken);

        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == itemId && p.ChallengeId == challenge.Id, cancellationToken);
        if (phase is null) return null;
        var (subject, paragraphs) = topic switch
        {
            NotificationTopic.PhaseOpened => NotificationMailTexts.PhaseOpened(language, challenge.Title, phase.Name, phase.ClosesAt),
            NotificationTopic.PhaseClosing when phase.ClosesAt is { } closes => NotificationMailTexts.PhaseClosing(language, challenge.Title, phase.Name, closes),
            NotificationTopic.Reveal => NotificationMailTexts.Reveal(language, challenge.Title, phase.Name),
            _ => (null, []),
        };
        return subject is null ? null : new NotificationMail(subject, paragraphs, link);
    }

    private async Task<NotificationMail?> OutcomeAsync(Guid submissionId, Challenge challenge, string language, Uri link, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        var phase = submission is null ? null
            : await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == submission.PhaseId && p.ChallengeId == challenge.Id, cancellationToken);
        if (submission is null || phase is null) return null;
        var (subject, paragraphs) = submission.Status switch
        {
            SubmissionStatus.Scored => NotificationMailTexts.Scored(language, challenge.Title, phase.Name, submission.FileName, submission.PrimaryMetric,
                (await ScoreDisclosure.ForTeamAsync(db, phase, submission.TeamId, MetricCatalog.HigherIsBetter, cancellationToken)).PublicScore(submission)),
            SubmissionStatus.Rejected => NotificationMailTexts.Rejected(language, challenge.Title, phase.Name, submission.FileName, submission.Message),
            SubmissionStatus.Failed => NotificationMailTexts.Failed(language, challenge.Title, phase.Name, submission.FileName),
            _ => (null, []),
        };
        return subject is null ? null : new NotificationMail(subject, paragraphs, link);
    }
}
