using DataChallenge.Core.Notifications;

namespace DataChallenge.Api.Features.Announcements;

public sealed record PublishAnnouncementRequest(string? Title, string? Body);

/// <summary>An announcement as published; <c>Body</c> is the organiser's Markdown.</summary>
public sealed record AnnouncementResponse(Guid Id, string Title, string Body, DateTimeOffset PublishedAt)
{
    public static AnnouncementResponse From(Announcement a) => new(a.Id, a.Title, a.Body, a.PublishedAt);
}
