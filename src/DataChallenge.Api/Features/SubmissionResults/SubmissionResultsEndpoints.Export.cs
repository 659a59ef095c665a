using System.Security.Claims;
using System.Text;
using DataChallenge.Api.Features.Judging;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Exports;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.SubmissionResults;

public static partial class SubmissionResultsEndpoints
{
    private static readonly string[] SplitOrder = [SplitScores.Public, SplitScores.Private, "all"];

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(Guid phaseId, ClaimsPrincipal user, DataChallengeDbContext db,
        IOptions<PlatformOptions> platform, CancellationToken cancellationToken)
    {
        var (phase, organiser) = await JudgingAccess.PhaseAsync(db, phaseId, user.UserId(), platform.Value, cancellationToken);
        // Every team's private values are in it: anyone but an organiser is told there is no such phase.
        if (phase is null || !organiser) return Problems.NotFound("The phase");
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.PhaseId == phaseId).OrderBy(s => s.ReceivedAt).ToListAsync(cancellationToken);
        var teamIds = submissions.Select(s => s.TeamId).Distinct().ToList();
        var userIds = submissions.Select(s => s.UserId).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);

        var scores = submissions.ToDictionary(s => s.Id, s => SplitScores.All(s.ScoresJson));
        var metrics = MetricOrder.Of(phase.ScoringConfig).Metrics;
        var splits = SplitOrder.Where(split => scores.Values.Any(list => list.Any(v => v.Split == split))).ToList();
        var columns = splits.SelectMany(split => metrics.Select(metric => (split, metric))).ToList();

        var csv = new StringBuilder(CsvCells.Line(["submission_id", "team", "user", "received_at", "file_name", "sha256", "status",
            .. columns.Select(c => CsvCells.Text($"{c.split}_{c.metric}")), "interval_lower", "interval_upper", "note", "final", "baseline", "invalid_reason"]));
        foreach (var s in submissions)
        {
            var values = scores[s.Id];
            csv.Append(CsvCells.Line([s.Id.ToString(), CsvCells.Text(teams.GetValueOrDefault(s.TeamId)), CsvCells.Text(users.GetValueOrDefault(s.UserId)),
                CsvCells.Time(s.ReceivedAt), CsvCells.Text(s.FileName), s.Sha256, s.Status.ToString(),
                .. columns.Select(c => CsvCells.Number(values.FirstOrDefault(v => v.Split == c.split && v.Metric == c.metric).Value)),
                CsvCells.Number(s.IntervalLower), CsvCells.Number(s.IntervalUpper), CsvCells.Text(s.Note), s.IsFinal ? "true" : "false",
                s.IsBaseline ? "true" : "false", CsvCells.Text(s.InvalidReason)]));
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"submissions-{phase.Id:N}.csv");
    }
}
