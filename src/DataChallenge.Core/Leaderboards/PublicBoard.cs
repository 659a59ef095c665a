using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Leaderboards;

/// <summary>
/// Builds a phase's public board from its materialised entries. Only public-split values are read, rounded to the
/// phase's precision, so nothing on it derives from the private labels.
/// </summary>
public static class PublicBoard
{
    public static async Task<LeaderboardSnapshot> BuildAsync(DataChallengeDbContext db, Phase phase, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var order = MetricOrder.Of(phase.ScoringConfig);
        var decimals = phase.ScoreDecimals;
        // Rebuilt at every change: each entry comes with its submission's scores in one query (no list of ids sent back
        // as parameters), and only the columns the board shows are read.
        var shown = await db.LeaderboardEntries.AsNoTracking().Where(e => e.PhaseId == phase.Id)
            .Select(e => new { Entry = e, ScoresJson = db.Submissions.Where(s => s.Id == e.SubmissionId).Select(s => s.ScoresJson).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var baselines = await db.Submissions.AsNoTracking()
            .Where(SubmissionLifecycle.OnBoardAnd(s => s.PhaseId == phase.Id && s.IsBaseline && s.InvalidatedAt == null))
            .OrderBy(s => s.ReceivedAt).ToListAsync(cancellationToken);
        var names = await db.Teams.AsNoTracking().Where(t => t.ChallengeId == phase.ChallengeId).Select(t => new { t.Id, t.Name })
            .ToDictionaryAsync(t => t.Id, t => TeamNaming.Shown(t.Id, t.Name), cancellationToken);

        var byTeam = shown.ToDictionary(e => e.Entry.TeamId, e => e.Entry);
        var candidates = shown.Select(shownEntry =>
        {
            var e = shownEntry.Entry;
            var keys = SplitScores.Keys(shownEntry.ScoresJson, SplitScores.Public, order, decimals);
            // The shown score is authoritative for the primary key: under the Ladder it may be an older submission's.
            keys[0] = SplitScores.Round(e.Score, decimals);
            return new RankCandidate(e.TeamId, e.SubmissionId, keys, e.SubmittedAt, e.IntervalLower, e.IntervalUpper);
        });
        var rows = BoardRanker.Rank(candidates, order.HigherIsBetter).Select(r =>
        {
            var entry = byTeam[r.Candidate.TeamId];
            return new LeaderboardRow(r.Rank, entry.TeamId, names.GetValueOrDefault(entry.TeamId, "(unknown team)"),
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
            Baselines = baselines.Select(b => new BaselineRow(b.Id, names.GetValueOrDefault(b.TeamId, "Baseline"),
                SplitScores.Round(b.PublicScore, decimals), b.ReceivedAt)).ToList(),
        };
    }
}
