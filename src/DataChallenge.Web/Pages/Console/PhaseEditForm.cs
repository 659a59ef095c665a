using System.Globalization;
using DataChallenge.Core.Challenges;

namespace DataChallenge.Web.Pages.Console;

/// <summary>The phase edit form's fields. Empty limits mean "no limit"; the checks are Core's, so none are declared here.</summary>
public sealed class PhaseEditForm
{
    public string? Name { get; set; }
    public DateTime? OpensAt { get; set; }
    public DateTime? ClosesAt { get; set; }
    public long? MaxFileMegabytes { get; set; }
    public int? MaxSubmissionsPerDay { get; set; }
    public int? MaxSubmissionsTotal { get; set; }
    public int? MaxRejectedPerDay { get; set; }
    public int? MaxFinalSubmissions { get; set; }
    public string? ScoringConfig { get; set; }
    public bool BoardHidden { get; set; }
    public bool AnonymiseTeams { get; set; }
    public int? ScoreDecimals { get; set; }

    /// <summary>Text, read with the invariant culture: a browser sends "0.5" whatever the page's language.</summary>
    public string? LadderMargin { get; set; }

    public static PhaseEditForm From(Phase phase) => new()
    {
        Name = phase.Name, OpensAt = phase.OpensAt.UtcDateTime, ClosesAt = phase.ClosesAt?.UtcDateTime,
        MaxFileMegabytes = Math.Max(1, phase.MaxFileBytes / (1024L * 1024)), MaxSubmissionsPerDay = phase.MaxSubmissionsPerDay,
        MaxSubmissionsTotal = phase.MaxSubmissionsTotal, MaxRejectedPerDay = phase.MaxRejectedPerDay, MaxFinalSubmissions = phase.MaxFinalSubmissions,
        ScoringConfig = phase.ScoringConfig, BoardHidden = phase.BoardHidden, AnonymiseTeams = phase.AnonymiseTeams, ScoreDecimals = phase.ScoreDecimals,
        LadderMargin = phase.LadderMargin?.ToString(CultureInfo.InvariantCulture),
    };
}
