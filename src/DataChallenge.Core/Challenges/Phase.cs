using DataChallenge.Core.CodePhases;

namespace DataChallenge.Core.Challenges;

/// <summary>A period during which submissions are scored against one hidden test set.</summary>
public sealed class Phase
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ChallengeId { get; init; }
    public Challenge? Challenge { get; init; }
    public required string Name { get; set; }
    public DateTimeOffset OpensAt { get; set; }

    /// <summary>Null for a standing benchmark that never closes.</summary>
    public DateTimeOffset? ClosesAt { get; set; }

    /// <summary>The scoring configuration document (JSON), as the scoring library reads it.</summary>
    public required string ScoringConfig { get; set; }

    /// <summary>0 until the organiser uploads hidden labels.</summary>
    public int LabelsVersion { get; set; }

    /// <summary>
    /// The last scoring program version handed out, 0 before the first upload. Kept here because the api may write
    /// program archives but not look into the hidden bucket to see which exist.
    /// </summary>
    public int ProgramVersion { get; set; }

    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// The daily limit of a phase whose organiser sets none: probing the public split one row at a time takes many
    /// uploads, so "no limit" is something an organiser asks for, not what they get by leaving the field out.
    /// </summary>
    public const int DefaultMaxSubmissionsPerDay = 5;

    /// <summary>Per team and UTC day of receipt; null = unlimited.</summary>
    public int? MaxSubmissionsPerDay { get; set; }

    /// <summary>Per team over the whole phase; null = unlimited.</summary>
    public int? MaxSubmissionsTotal { get; set; }

    /// <summary>Rejected files do not use the quota, so they get their own cap to keep floods off the workers.</summary>
    public int MaxRejectedPerDay { get; set; } = 50;

    public bool IsOpenAt(DateTimeOffset instant) => instant >= OpensAt && (ClosesAt is null || instant < ClosesAt);

    public string LabelsKey => HiddenLabelsKey(Id, LabelsVersion);

    public static string HiddenLabelsKey(Guid phaseId, int version) => $"phases/{phaseId:N}/labels/v{version}.csv";

    /// <summary>How many submissions a team may choose for the private board.</summary>
    public int MaxFinalSubmissions { get; set; } = 2;

    /// <summary>When the private board became visible to everyone; null until the reveal.</summary>
    public DateTimeOffset? PrivateRevealedAt { get; set; }

    /// <summary>The public board is shown to organisers only.</summary>
    public bool BoardHidden { get; set; }

    /// <summary>Competitors see numbered teams instead of names.</summary>
    public bool AnonymiseTeams { get; set; }

    /// <summary>Decimals of every public score served.</summary>
    public int ScoreDecimals { get; set; } = 4;

    /// <summary>Ladder anti-probing: a team's public score moves only when it beats its shown score by this much. Null = off.</summary>
    public double? LadderMargin { get; set; }

    /// <summary>Competitors see their own submissions' per-group values on the public split.</summary>
    public bool ShowOwnGroupResults { get; set; }

    /// <summary>After the reveal, everyone sees the private board per group.</summary>
    public bool PublishPrivateGroupBoard { get; set; }

    /// <summary>A team sees its own detailed results (an organiser program's page) of the public split.</summary>
    public bool ShowOwnDetailedResults { get; set; }

    /// <summary>Set once by the job that notes the opening in the audit trail.</summary>
    public DateTimeOffset? OpeningNotedAt { get; set; }

    /// <summary>Set once by the job that notes the closing in the audit trail.</summary>
    public DateTimeOffset? ClosingNotedAt { get; set; }

    /// <summary>
    /// Grows by one in every transaction that changes the phase's standings, so a leaderboard replica or a client can
    /// tell a stale board from a fresh one.
    /// </summary>
    public long BoardVersion { get; set; }

    public bool IsRevealed => PrivateRevealedAt is not null;

    /// <summary>Set on a code phase only: its runtime, limits, quota and inputs. Null on a predictions phase.</summary>
    public CodePhaseSettings? Code { get; set; }

    public PhaseKind Kind => Code is null ? PhaseKind.Predictions : PhaseKind.Code;
}
