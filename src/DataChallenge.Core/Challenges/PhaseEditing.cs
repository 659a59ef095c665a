using System.Globalization;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Persistence;

namespace DataChallenge.Core.Challenges;

/// <summary>A requested change to a phase's name, window and rules; a null limit means "no limit" where the rule allows it.</summary>
public sealed record PhaseChange(string Name, DateTimeOffset OpensAt, DateTimeOffset? ClosesAt, long? MaxFileBytes, int? MaxSubmissionsPerDay,
    int? MaxSubmissionsTotal, int? MaxRejectedPerDay, int? MaxFinalSubmissions);

/// <summary>A requested change to how a phase's leaderboard is shown.</summary>
public sealed record BoardSettingsChange(bool Hidden, bool Anonymise, int? ScoreDecimals, double? LadderMargin);

/// <summary>Why a change was refused: the field it concerns (the change's property name) and an English sentence to translate.</summary>
public sealed record EditProblem(string Field, string Message);

/// <summary>
/// The rules for editing a phase and its board, shared by the API and the organiser console so that both refuse the
/// same values with the same words and write the same audit lines.
/// </summary>
public static class PhaseEditing
{
    public static EditProblem? Check(Phase current, PhaseChange change)
    {
        if (string.IsNullOrWhiteSpace(change.Name) || change.Name.Length > 100) return new(nameof(change.Name), "A phase name has 1 to 100 characters.");
        if (change.ClosesAt <= change.OpensAt) return new(nameof(change.ClosesAt), "A phase must close after it opens.");
        if (RevealedWindowProblem(current, change.ClosesAt) is { } revealed) return revealed;
        return RulesProblem(change.MaxFileBytes, change.MaxSubmissionsPerDay, change.MaxSubmissionsTotal, change.MaxRejectedPerDay, change.MaxFinalSubmissions);
    }

    /// <summary>
    /// A revealed phase stays closed: an end moved past the reveal would reopen uploads scored against private labels
    /// that everyone now reads.
    /// </summary>
    public static EditProblem? RevealedWindowProblem(Phase current, DateTimeOffset? closesAt)
        => current.PrivateRevealedAt is { } revealedAt && (closesAt is null || closesAt > revealedAt)
            ? new(nameof(PhaseChange.ClosesAt), "The private leaderboard is revealed: the phase cannot close after the reveal.")
            : null;

    /// <summary>The limits alone, also checked when a phase is added.</summary>
    public static EditProblem? RulesProblem(long? maxFileBytes, int? perDay, int? total, int? rejectedPerDay, int? finals)
    {
        if (maxFileBytes is <= 0) return new(nameof(PhaseChange.MaxFileBytes), "The largest file size must be positive.");
        if (perDay is <= 0) return new(nameof(PhaseChange.MaxSubmissionsPerDay), "A submission limit is at least 1; leave it out for no limit.");
        if (total is <= 0) return new(nameof(PhaseChange.MaxSubmissionsTotal), "A submission limit is at least 1; leave it out for no limit.");
        if (rejectedPerDay is <= 0) return new(nameof(PhaseChange.MaxRejectedPerDay), "The daily cap on rejected files is at least 1.");
        if (finals is <= 0) return new(nameof(PhaseChange.MaxFinalSubmissions), "At least one final submission must be allowed.");
        return null;
    }

    /// <summary>Applies a checked change to a tracked phase and records it as <c>phase.updated</c>; the caller saves.</summary>
    public static void Apply(DataChallengeDbContext db, Phase phase, PhaseChange change, Guid? actorId, DateTimeOffset now)
    {
        var before = Describe(phase);
        phase.Name = change.Name.Trim();
        phase.OpensAt = change.OpensAt;
        phase.ClosesAt = change.ClosesAt;
        phase.MaxFileBytes = change.MaxFileBytes ?? phase.MaxFileBytes;
        phase.MaxSubmissionsPerDay = change.MaxSubmissionsPerDay;
        phase.MaxSubmissionsTotal = change.MaxSubmissionsTotal;
        phase.MaxRejectedPerDay = change.MaxRejectedPerDay ?? phase.MaxRejectedPerDay;
        phase.MaxFinalSubmissions = change.MaxFinalSubmissions ?? phase.MaxFinalSubmissions;
        db.Record(phase.ChallengeId, actorId, "phase.updated", $"phase:{phase.Id}", $"{before} -> {Describe(phase)}", now);
    }

    /// <summary>Replaces the scoring configuration (already parsed by the caller) and records it as <c>phase.scoring</c>.</summary>
    public static void ApplyScoringConfig(DataChallengeDbContext db, Phase phase, string configJson, Guid? actorId, DateTimeOffset now)
    {
        if (phase.ScoringConfig == configJson) return;
        phase.ScoringConfig = configJson;
        db.Record(phase.ChallengeId, actorId, "phase.scoring", $"phase:{phase.Id}", configJson, now);
    }

    public static EditProblem? CheckBoard(BoardSettingsChange change)
    {
        if (change.ScoreDecimals is < 0 or > 10) return new(nameof(change.ScoreDecimals), "scoreDecimals is between 0 and 10.");
        if (change.LadderMargin is { } margin && (!double.IsFinite(margin) || margin < 0))
            return new(nameof(change.LadderMargin), "ladderMargin is a non-negative number, or null to turn it off.");
        return null;
    }

    /// <summary>Applies checked board settings to a tracked phase and records them as <c>board.settings</c>; the caller saves and tells the boards.</summary>
    public static void ApplyBoard(DataChallengeDbContext db, Phase phase, BoardSettingsChange change, Guid? actorId, DateTimeOffset now)
    {
        phase.BoardHidden = change.Hidden;
        phase.AnonymiseTeams = change.Anonymise;
        phase.ScoreDecimals = change.ScoreDecimals ?? 4;
        phase.LadderMargin = change.LadderMargin;
        db.Record(phase.ChallengeId, actorId, "board.settings", $"phase:{phase.Id}", string.Create(CultureInfo.InvariantCulture,
            $"hidden={phase.BoardHidden}, anonymise={phase.AnonymiseTeams}, scoreDecimals={phase.ScoreDecimals}, ladderMargin={phase.LadderMargin?.ToString(CultureInfo.InvariantCulture) ?? "off"}"), now);
    }

    private static string Describe(Phase p) => string.Create(CultureInfo.InvariantCulture,
        $"name={p.Name}; opensAt={p.OpensAt:O}; closesAt={(p.ClosesAt is { } c ? c.ToString("O", CultureInfo.InvariantCulture) : "none")}; maxFileBytes={p.MaxFileBytes}; maxSubmissionsPerDay={(p.MaxSubmissionsPerDay is { } d ? d.ToString(CultureInfo.InvariantCulture) : "unlimited")}; maxSubmissionsTotal={(p.MaxSubmissionsTotal is { } t ? t.ToString(CultureInfo.InvariantCulture) : "unlimited")}; maxRejectedPerDay={p.MaxRejectedPerDay}; maxFinalSubmissions={p.MaxFinalSubmissions}");
}
