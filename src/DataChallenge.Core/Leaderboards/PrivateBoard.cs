using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Core.Leaderboards;

/// <summary>
/// Builds a phase's private board: each team is ranked by the best of its chosen final submissions on the private
/// split, or, when it chose none, of its best public ones. Only organisers may see it before the reveal; callers check.
/// </summary>
public static class PrivateBoard
{
    public static async Task<LeaderboardSnapshot> BuildAsync(DataChallengeDbContext db, Phase phase, LeaderboardSnapshot publicBoard, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var order = MetricOrder.Of(phase.ScoringConfig);
        var decimals = phase.ScoreDecimals;
        var scored = await db.Submissions.AsNoTracking()
            .Where(SubmissionLifecycle.OnBoardAnd(s => s.PhaseId == phase.Id && s.InvalidatedAt == null))
            .Select(s => new Scored(s.Id, s.TeamId, s.ReceivedAt, s.ScoresJson, s.IsFinal, s.IsBaseline))
            .ToListAsync(cancellationToken);
        var teamIds = scored.Select(s => s.TeamId).Distinct().ToList();
        var names = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => TeamNaming.Shown(t.Id, t.Name), cancellationToken);
        var publicRanks = publicBoard.Rows.ToDictionary(r => r.TeamId, r => r.Rank);

        var candidates = new List<RankCandidate>();
        var entries = new Dictionary<Guid, (int Count, DateTimeOffset Last)>();
        foreach (var team in scored.Where(s => !s.IsBaseline).GroupBy(s => s.TeamId))
        {
            var chosen = Chosen(team.ToList(), phase.MaxFinalSubmissions, order, decimals);
            var best = BoardRanker.Rank(chosen.Select(s =>
                    new RankCandidate(s.TeamId, s.Id, SplitScores.Keys(s.ScoresJson, SplitScores.Private, order, decimals), s.ReceivedAt, null, null)),
                order.HigherIsBetter).FirstOrDefault();
            // A submission with no defined private primary value cannot be placed; the team waits off the board.
            if (best is null || best.Candidate.Keys[0] is null) continue;
            candidates.Add(best.Candidate);
            entries[team.Key] = (team.Count(), team.Max(s => s.ReceivedAt));
        }

        var rows = BoardRanker.Rank(candidates, order.HigherIsBetter).Select(r => new LeaderboardRow(r.Rank, r.Candidate.TeamId,
            names.GetValueOrDefault(r.Candidate.TeamId, "(unknown team)"), r.Candidate.Keys[0]!.Value, null, null,
            entries[r.Candidate.TeamId].Count, r.Candidate.SubmittedAt, entries[r.Candidate.TeamId].Last, r.StatisticallyTied,
            publicRanks.TryGetValue(r.Candidate.TeamId, out var publicRank) ? publicRank : null,
            new MetricValues(r.Candidate.Keys), r.Candidate.SubmissionId)).ToList();

        return new LeaderboardSnapshot(phase.Id, publicBoard.Version, now, order.Primary, order.HigherIsBetter[0], rows)
        {
            Board = SplitScores.Private,
            Metrics = order.Metrics,
            Hidden = false,
            Anonymised = phase.AnonymiseTeams,
            ScoreDecimals = decimals,
            RevealedAt = phase.PrivateRevealedAt,
            Finalists = await FinalistBoard.LatestAsync(db, phase.Id, names, cancellationToken),
            Baselines = scored.Where(s => s.IsBaseline).OrderBy(s => s.ReceivedAt).Select(s => new BaselineRow(s.Id,
                names.GetValueOrDefault(s.TeamId, "Baseline"), SplitScores.Keys(s.ScoresJson, SplitScores.Private, order, decimals)[0], s.ReceivedAt)).ToList(),
        };
    }

    /// <summary>The team's chosen finals, or its best public submissions up to the allowed number.</summary>
    public static List<Scored> Chosen(List<Scored> team, int maxFinals, MetricOrder order, int decimals)
    {
        var finals = team.Where(s => s.IsFinal).ToList();
        if (finals.Count > 0) return finals;
        var byPublic = BoardRanker.Rank(team.Select(s =>
                new RankCandidate(s.TeamId, s.Id, SplitScores.Keys(s.ScoresJson, SplitScores.Public, order, decimals), s.ReceivedAt, null, null)),
            order.HigherIsBetter);
        var ids = byPublic.Take(Math.Max(1, maxFinals)).Select(r => r.Candidate.SubmissionId).ToHashSet();
        return team.Where(s => ids.Contains(s.Id)).ToList();
    }

    public sealed record Scored(Guid Id, Guid TeamId, DateTimeOffset ReceivedAt, string? ScoresJson, bool IsFinal, bool IsBaseline);
}
