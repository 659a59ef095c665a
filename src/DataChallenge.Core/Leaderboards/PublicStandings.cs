using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Leaderboards;

/// <summary>
/// What a phase's public board is ranked from: each team's entry with its public ranking keys and shown name, and the
/// baselines. Only public-split values are read, rounded to the phase's precision, so nothing derives from the private
/// labels. A leaderboard replica keeps them, so that a change to one team's standing re-reads that team alone.
/// </summary>
public sealed class PublicStandings
{
    private readonly Guid _phaseId;
    private readonly string _scoringConfig;
    private readonly int _decimals;
    private readonly Dictionary<Guid, Line> _lines;
    private readonly List<BaselineRow> _baselines;

    private PublicStandings(Phase phase, Dictionary<Guid, Line> lines, List<BaselineRow> baselines)
        => (_phaseId, _scoringConfig, _decimals, _lines, _baselines) = (phase.Id, phase.ScoringConfig, phase.ScoreDecimals, lines, baselines);

    /// <summary>Reads every entry of the phase, each with its submission's scores in the same query.</summary>
    public static async Task<PublicStandings> LoadAsync(DataChallengeDbContext db, Phase phase, CancellationToken cancellationToken)
    {
        var order = MetricOrder.Of(phase.ScoringConfig);
        var shown = await db.LeaderboardEntries.AsNoTracking().Where(e => e.PhaseId == phase.Id)
            .Select(e => new { Entry = e, ScoresJson = db.Submissions.Where(s => s.Id == e.SubmissionId).Select(s => s.ScoresJson).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var baselines = await db.Submissions.AsNoTracking()
            .Where(SubmissionLifecycle.OnBoardAnd(s => s.PhaseId == phase.Id && s.IsBaseline && s.InvalidatedAt == null))
            .OrderBy(s => s.ReceivedAt).ToListAsync(cancellationToken);
        var names = await db.Teams.AsNoTracking().Where(t => t.ChallengeId == phase.ChallengeId).Select(t => new { t.Id, t.Name })
            .ToDictionaryAsync(t => t.Id, t => TeamNaming.Shown(t.Id, t.Name), cancellationToken);

        var lines = shown.ToDictionary(s => s.Entry.TeamId,
            s => Line.Of(s.Entry, s.ScoresJson, names.GetValueOrDefault(s.Entry.TeamId), order, phase.ScoreDecimals));
        return new PublicStandings(phase, lines,
            baselines.Select(b => new BaselineRow(b.Id, names.GetValueOrDefault(b.TeamId, "Baseline"),
                SplitScores.Round(b.PublicScore, phase.ScoreDecimals), b.ReceivedAt)).ToList());
    }

    /// <summary>
    /// These standings with one team's entry read again (added, changed or gone). Call it only when nothing else
    /// changed since they were read; when the phase's metrics or precision did, every entry is read again.
    /// </summary>
    public async Task<PublicStandings> WithTeamAsync(DataChallengeDbContext db, Phase phase, Guid teamId, CancellationToken cancellationToken)
    {
        if (phase.Id != _phaseId || phase.ScoringConfig != _scoringConfig || phase.ScoreDecimals != _decimals)
            return await LoadAsync(db, phase, cancellationToken);
        var read = await db.LeaderboardEntries.AsNoTracking().Where(e => e.PhaseId == phase.Id && e.TeamId == teamId)
            .Select(e => new
            {
                Entry = e,
                ScoresJson = db.Submissions.Where(s => s.Id == e.SubmissionId).Select(s => s.ScoresJson).FirstOrDefault(),
                Name = db.Teams.Where(t => t.Id == e.TeamId && t.ChallengeId == phase.ChallengeId).Select(t => t.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var lines = new Dictionary<Guid, Line>(_lines);
        if (read is null) lines.Remove(teamId);
        else
            lines[teamId] = Line.Of(read.Entry, read.ScoresJson, read.Name is null ? null : TeamNaming.Shown(teamId, read.Name),
                MetricOrder.Of(phase.ScoringConfig), phase.ScoreDecimals);
        return new PublicStandings(phase, lines, _baselines);
    }

    /// <summary>The ranked board of these standings, labelled with the phase's version and settings.</summary>
    public LeaderboardSnapshot Board(Phase phase, DateTimeOffset now)
    {
        var order = MetricOrder.Of(phase.ScoringConfig);
        var decimals = phase.ScoreDecimals;
        var rows = BoardRanker.Rank(_lines.Values.Select(line => line.Candidate), order.HigherIsBetter).Select(r =>
        {
            var line = _lines[r.Candidate.TeamId];
            var entry = line.Entry;
            return new LeaderboardRow(r.Rank, entry.TeamId, line.Name ?? "(unknown team)",
                SplitScores.Round(entry.Score, decimals)!.Value, SplitScores.Round(entry.IntervalLower, decimals),
                SplitScores.Round(entry.IntervalUpper, decimals), entry.Entries, entry.SubmittedAt, entry.LastSubmittedAt, r.StatisticallyTied,
                Values: new MetricValues(r.Candidate.Keys), SubmissionId: entry.SubmissionId);
        }).ToList();

        return new LeaderboardSnapshot(phase.Id, phase.BoardVersion, now, order.Primary, order.HigherIsBetter[0], rows)
        {
            Board = SplitScores.Public,
            Metrics = order.Metrics,
            Hidden = phase.BoardHidden,
            Anonymised = phase.AnonymiseTeams,
            ScoreDecimals = decimals,
            RevealedAt = phase.PrivateRevealedAt,
            Baselines = _baselines,
        };
    }

    private sealed record Line(LeaderboardEntry Entry, string? Name, RankCandidate Candidate)
    {
        public static Line Of(LeaderboardEntry entry, string? scoresJson, string? name, MetricOrder order, int decimals)
        {
            var keys = SplitScores.Keys(scoresJson, SplitScores.Public, order, decimals);
            // The shown score is authoritative for the primary key: under the Ladder it may be an older submission's.
            keys[0] = SplitScores.Round(entry.Score, decimals);
            return new Line(entry, name, new RankCandidate(entry.TeamId, entry.SubmissionId, keys, entry.SubmittedAt, entry.IntervalLower, entry.IntervalUpper));
        }
    }
}
