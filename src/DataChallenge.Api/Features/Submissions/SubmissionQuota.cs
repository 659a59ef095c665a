using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;

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
    public static DateOnly DayOf(DateTimeOffset instant) => QuotaUse.DayOf(instant);

    public async Task<(QuotaPlaces Places, QuotaRefusal? Refusal)> FindPlacesAsync(Phase phase, Guid teamId, DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        var use = await QuotaUse.ReadAsync(db, phase.Id, teamId, receivedAt, cancellationToken);
        var day = use.Day;
        var untilMidnight = use.ResetsAt - receivedAt;

        if (use.TooManyRejected(phase))
            return (default, new QuotaRefusal("Too many rejected files today.",
                $"Your team had {use.RejectedToday} files rejected today (the limit is {phase.MaxRejectedPerDay}). Check your file with "
                + $"`datachallenge score` locally; uploads reopen at {NextMidnight(day):u} (UTC midnight).", untilMidnight));

        if (use.TotalLeft(phase) == 0)
            return (default, new QuotaRefusal("The total limit is reached.",
                $"Your team has used all {phase.MaxSubmissionsTotal} submissions of this phase. The total limit is reached: no new place opens, "
                + "except if one of your pending files is rejected or fails.", null));

        if (use.DailyLeft(phase) == 0)
            return (default, new QuotaRefusal("The daily limit is reached.",
                $"Your team has used all {phase.MaxSubmissionsPerDay} submissions of today (UTC). The next place opens at {NextMidnight(day):u}, "
                + "the next UTC midnight.", untilMidnight));

        return (new QuotaPlaces(SmallestFree([.. use.DailySlots]), SmallestFree([.. use.TotalSlots])), null);
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
