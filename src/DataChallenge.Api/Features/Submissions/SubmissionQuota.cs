using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Submissions;

/// <summary>The quota places a new submission would take: the smallest free ones.</summary>
public readonly record struct QuotaPlaces(int DailySlot, int TotalSlot);

/// <summary>Why an upload is refused for quota, in words, and how long until a place opens (null: no place will).</summary>
public sealed record QuotaRefusal(string Title, string Detail, TimeSpan? RetryAfter);

/// <summary>
/// Finds free quota places. Finding is only a proposal: the unique indexes over the places decide when two uploads
/// propose the same one, and the loser asks again. That is what makes the limits hold under concurrent uploads.
/// </summary>
public sealed class SubmissionQuota(DataChallengeDbContext db)
{
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    public async Task<(QuotaPlaces Places, QuotaRefusal? Refusal)> FindPlacesAsync(Phase phase, Guid teamId, DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        var day = DayOf(receivedAt);
        var untilMidnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - receivedAt.UtcDateTime;
        var team = db.Submissions.AsNoTracking().Where(s => s.PhaseId == phase.Id && s.TeamId == teamId);

        var rejectedToday = await team.CountAsync(s => s.QuotaDay == day && s.Status == SubmissionStatus.Rejected, cancellationToken);
        if (rejectedToday >= phase.MaxRejectedPerDay)
            return (default, new QuotaRefusal("Too many rejected files today.",
                $"Your team had {rejectedToday} files rejected today (the limit is {phase.MaxRejectedPerDay}). Check your file with "
                + $"`datachallenge score` locally; uploads reopen at {NextMidnight(day):u} (UTC midnight).", untilMidnight));

        var total = await team.Where(s => s.TotalSlot != null).Select(s => s.TotalSlot!.Value).ToListAsync(cancellationToken);
        if (phase.MaxSubmissionsTotal is { } maxTotal && total.Count >= maxTotal)
            return (default, new QuotaRefusal("The total limit is reached.",
                $"Your team has used all {maxTotal} submissions of this phase. The total limit is reached: no new place opens, "
                + "except if one of your pending files is rejected or fails.", null));

        var daily = await team.Where(s => s.QuotaDay == day && s.QuotaSlot != null).Select(s => s.QuotaSlot!.Value).ToListAsync(cancellationToken);
        if (phase.MaxSubmissionsPerDay is { } maxDaily && daily.Count >= maxDaily)
            return (default, new QuotaRefusal("The daily limit is reached.",
                $"Your team has used all {maxDaily} submissions of today (UTC). The next place opens at {NextMidnight(day):u}, "
                + "the next UTC midnight.", untilMidnight));

        return (new QuotaPlaces(SmallestFree(daily), SmallestFree(total)), null);
    }

    private static DateTimeOffset NextMidnight(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    // Places given back by rejections leave gaps; reusing the smallest keeps the numbers within the limit.
    internal static int SmallestFree(List<int> used)
    {
        used.Sort();
        var candidate = 1;
        foreach (var slot in used)
        {
            if (slot > candidate) break;
            if (slot == candidate) candidate++;
        }
        return candidate;
    }
}
