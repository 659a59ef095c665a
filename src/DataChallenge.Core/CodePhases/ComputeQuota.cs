using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.CodePhases;

/// <summary>
/// What a team has used today of a code phase's run minutes (runs on the hidden inputs) and of its smoke runs. The
/// upload's refusal, the phase's answer and the pages read it here, so they cannot disagree.
/// </summary>
public sealed record ComputeQuota(DateOnly Day, double RunMinutesUsed, int SmokeRunsUsed, int RunMinutesPerDay, int SmokeRunsPerDay)
{
    public double RunMinutesLeft => Math.Max(0, RunMinutesPerDay - RunMinutesUsed);

    public int SmokeRunsLeft => Math.Max(0, SmokeRunsPerDay - SmokeRunsUsed);

    public static async Task<ComputeQuota> ReadAsync(DataChallengeDbContext db, Guid phaseId, CodePhaseSettings code, Guid teamId, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var day = QuotaUse.DayOf(at);
        var today = db.Submissions.AsNoTracking().Where(s => s.PhaseId == phaseId && s.TeamId == teamId && s.QuotaDay == day);
        var milliseconds = await today.Where(s => !s.IsSmoke && s.RunMilliseconds != null).Select(s => s.RunMilliseconds!.Value).ToListAsync(cancellationToken);
        var smoke = await today.CountAsync(s => s.IsSmoke, cancellationToken);
        return new ComputeQuota(day, milliseconds.Sum() / 60_000, smoke, code.RunMinutesPerDay, code.SmokeRunsPerDay);
    }
}
