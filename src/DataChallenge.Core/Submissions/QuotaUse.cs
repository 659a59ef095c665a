using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Submissions;

/// <summary>
/// What a team has used of a phase's quota on one UTC day: the places its submissions hold (a rejected file, or one of
/// the day's first failed files, gives its place back, so it holds none) and the number of files rejected that day. The upload's refusal and the
/// submit page both read it here, so they cannot disagree.
/// </summary>
public sealed record QuotaUse(DateOnly Day, int RejectedToday, IReadOnlyList<int> DailySlots, IReadOnlyList<int> TotalSlots)
{
    /// <summary>
    /// Failed files give their places back up to this many per team and UTC day. Past it a failure keeps its place, so
    /// files that make the platform fail cannot buy unlimited uploads.
    /// </summary>
    public const int FailedGiveBacksPerDay = 3;

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>When the day's places come back: the next UTC midnight.</summary>
    public DateTimeOffset ResetsAt => new(Day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static async Task<QuotaUse> ReadAsync(DataChallengeDbContext db, Guid phaseId, Guid teamId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var day = DayOf(at);
        var team = db.Submissions.AsNoTracking().Where(s => s.PhaseId == phaseId && s.TeamId == teamId);
        var rejectedToday = await team.CountAsync(s => s.QuotaDay == day && s.Status == SubmissionStatus.Rejected, cancellationToken);
        var total = await team.Where(s => s.TotalSlot != null).Select(s => s.TotalSlot!.Value).ToListAsync(cancellationToken);
        var daily = await team.Where(s => s.QuotaDay == day && s.QuotaSlot != null).Select(s => s.QuotaSlot!.Value).ToListAsync(cancellationToken);
        return new QuotaUse(day, rejectedToday, daily, total);
    }

    /// <summary>True when a submission failing now may give its places back: its team's failures that day have not used the cap.</summary>
    public static async Task<bool> MayGiveBackFailedAsync(DataChallengeDbContext db, Guid submissionId, CancellationToken cancellationToken)
    {
        var failing = await db.Submissions.AsNoTracking().Where(s => s.Id == submissionId)
            .Select(s => new { s.PhaseId, s.TeamId, s.QuotaDay }).FirstOrDefaultAsync(cancellationToken);
        if (failing is null) return false;
        var givenBack = await db.Submissions.CountAsync(s => s.PhaseId == failing.PhaseId && s.TeamId == failing.TeamId && s.QuotaDay == failing.QuotaDay
            && s.Status == SubmissionStatus.Failed && s.QuotaSlot == null && s.TotalSlot == null && s.Id != submissionId, cancellationToken);
        return givenBack < FailedGiveBacksPerDay;
    }

    /// <summary>Submissions left today under the daily limit; null when the phase sets none.</summary>
    public int? DailyLeft(Phase phase) => phase.MaxSubmissionsPerDay is { } max ? Math.Max(0, max - DailySlots.Count) : null;

    /// <summary>Submissions left in the phase under the total limit; null when the phase sets none.</summary>
    public int? TotalLeft(Phase phase) => phase.MaxSubmissionsTotal is { } max ? Math.Max(0, max - TotalSlots.Count) : null;

    public bool TooManyRejected(Phase phase) => RejectedToday >= phase.MaxRejectedPerDay;
}
