using System.Globalization;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Persistence;

namespace DataChallenge.Core.Challenges;

/// <summary>A requested change to a challenge's settings; a null description keeps the current one, a null team size means no limit.</summary>
public sealed record ChallengeChange(string Title, string? Description, string Visibility, bool RequiresApproval, int? MaxTeamSize);

/// <summary>
/// The rules for editing a challenge's settings and publishing its terms, shared by the API and the organiser console so
/// that both refuse the same values with the same words and write the same audit lines.
/// </summary>
public static class ChallengeSettings
{
    public const int MaxTermsLength = 200_000;

    public static string VisibilityName(ChallengeVisibility visibility) => visibility.ToString().ToLowerInvariant();

    public static bool TryParseVisibility(string? text, out ChallengeVisibility visibility)
        => Enum.TryParse(text, ignoreCase: true, out visibility) && Enum.IsDefined(visibility) && !int.TryParse(text, out _);

    public static EditProblem? Check(ChallengeChange change)
    {
        if (string.IsNullOrWhiteSpace(change.Title) || change.Title.Length > 200)
            return new(nameof(change.Title), "The title is required and must be at most 200 characters.");
        if (!TryParseVisibility(change.Visibility, out _)) return new(nameof(change.Visibility), "The visibility is draft, public or unlisted.");
        if (change.MaxTeamSize is <= 0)
            return new(nameof(change.MaxTeamSize), "A team has room for at least one member; leave maxTeamSize out for no limit.");
        return null;
    }

    /// <summary>Applies a checked change to a tracked challenge and records it as <c>challenge.updated</c>; the caller saves.</summary>
    public static void Apply(DataChallengeDbContext db, Challenge challenge, ChallengeChange change, Guid? actorId, DateTimeOffset now)
    {
        TryParseVisibility(change.Visibility, out var visibility);
        var before = Describe(challenge);
        challenge.Title = change.Title.Trim();
        challenge.Description = change.Description ?? challenge.Description;
        challenge.Visibility = visibility;
        challenge.RequiresApproval = change.RequiresApproval;
        challenge.MaxTeamSize = change.MaxTeamSize;
        db.Record(challenge.Id, actorId, "challenge.updated", $"challenge:{challenge.Id}", $"{before} -> {Describe(challenge)}", now);
    }

    public static EditProblem? CheckTerms(string? text)
        => string.IsNullOrWhiteSpace(text) || text.Length > MaxTermsLength ? new("Text", "The terms text has 1 to 200,000 characters.") : null;

    /// <summary>
    /// Adds the next terms version to a tracked challenge and records it as <c>terms.published</c>; the caller saves, and a
    /// save that breaks the (challenge, version) key means another organiser published the same version first.
    /// </summary>
    public static int PublishTerms(DataChallengeDbContext db, Challenge challenge, string text, Guid? actorId, DateTimeOffset now)
    {
        var version = challenge.TermsVersion + 1;
        challenge.TermsVersion = version;
        db.ChallengeTerms.Add(new ChallengeTerms { ChallengeId = challenge.Id, Version = version, Text = text, PublishedBy = actorId.GetValueOrDefault(), PublishedAt = now });
        db.Record(challenge.Id, actorId, "terms.published", $"terms:{version}", $"{text.Length} characters", now);
        return version;
    }

    private static string Describe(Challenge c) => string.Create(CultureInfo.InvariantCulture,
        $"title={c.Title}; visibility={VisibilityName(c.Visibility)}; requiresApproval={c.RequiresApproval}; maxTeamSize={c.MaxTeamSize?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
}
