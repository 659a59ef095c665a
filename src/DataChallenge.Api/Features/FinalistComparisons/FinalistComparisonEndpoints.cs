using System.Security.Claims;
using DataChallenge.Api.Features.Judging;
using DataChallenge.Api.Http;
using DataChallenge.Contracts;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.CodePhases;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.Messaging;
using DataChallenge.Scoring;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.FinalistComparisons;

/// <summary>
/// The paired comparison of a phase's finalists: organisers start it and follow its progress; everyone reads the
/// result once the private board is revealed. Before that, to anyone else, it does not exist.
/// </summary>
public static class FinalistComparisonEndpoints
{
    private static readonly Uri Queue = new($"queue:{QueueNames.CompareFinalists}");

    public static RouteGroupBuilder MapFinalistComparisons(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/phases/{phaseId:guid}/finalist-comparison").WithTags("Judging").RequireAuthorization();
        group.MapPost("/", Start).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Compare the private board's teams by a paired bootstrap, by rows or by group (organisers). Runs on a worker; seeded by the phase.");
        group.MapGet("/", Get).AllowAnonymous().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The latest comparison: progress, then each finalist's interval, rank interval, chance of beating the next and tied group "
                + "(organisers; everyone after the reveal).");
        return group;
    }

    private static async Task<Results<Accepted<FinalistComparisonView>, ProblemHttpResult>> Start(Guid phaseId, CompareFinalistsRequest? request,
        ClaimsPrincipal user, DataChallengeDbContext db, ISendEndpointProvider endpoints, TimeProvider clock, IOptions<PlatformOptions> platform,
        CancellationToken cancellationToken)
    {
        var (phase, organiser) = await JudgingAccess.PhaseAsync(db, phaseId, user.UserId(), platform.Value, cancellationToken);
        if (phase is null || !organiser) return Problems.NotFound("The phase");
        var resamples = request?.Resamples ?? CompareFinalistsRequest.DefaultResamples;
        if (resamples is < 100 or > CompareFinalistsRequest.MaxResamples)
            return Problems.BadRequest($"resamples lies between 100 and {CompareFinalistsRequest.MaxResamples}.");
        if (!TryGroupColumn(phase, request?.ByGroup ?? false, out var groupColumn, out var refusal)) return refusal!;
        if (phase.LabelsVersion == 0) return Problems.Conflict("The phase has no hidden labels yet.");

        var now = clock.GetUtcNow();
        var board = await PrivateBoardAsync(db, phase, now, cancellationToken);
        if (board.Rows.Count < 2) return Problems.Conflict("The private board has fewer than two teams to compare.");
        var submissionIds = board.Rows.Select(r => r.SubmissionId).ToList();
        var objectKeys = await db.Submissions.Where(s => submissionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ObjectKey, cancellationToken);

        var run = new FinalistComparisonRun
        {
            PhaseId = phase.Id, RequestedBy = user.UserId(), RequestedAt = now, Resamples = resamples, ResampledUnit = groupColumn is null ? "rows" : "groups",
        };
        db.FinalistComparisonRuns.Add(run);
        db.Record(phase.ChallengeId, user.UserId(), "finalists.comparison.requested", $"phase:{phase.Id}",
            $"{board.Rows.Count} finalists, {resamples} resamples of {run.ResampledUnit}.", now);
        await db.SaveChangesAsync(cancellationToken);

        await (await endpoints.GetSendEndpoint(Queue)).Send(new CompareFinalists
        {
            ComparisonId = run.Id, PhaseId = phase.Id, LabelsKey = phase.LabelsKey, LabelsVersion = phase.LabelsVersion, ScoringConfig = phase.ScoringConfig,
            Resamples = resamples, Seed = SeedOf(phase.Id), GroupColumn = groupColumn,
            Finalists = board.Rows.Select(r => new FinalistFile(r.TeamId, r.SubmissionId,
                CodeRunKeys.ScoredFile(phase, r.SubmissionId, objectKeys[r.SubmissionId]))).ToList(),
        }, cancellationToken);
        return TypedResults.Accepted($"/api/phases/{phase.Id}/finalist-comparison", FinalistBoard.View(run, new Dictionary<Guid, string>()));
    }

    private static async Task<Results<Ok<FinalistComparisonView>, ProblemHttpResult>> Get(Guid phaseId, string? key, ClaimsPrincipal user,
        DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Before the reveal the comparison answers like a missing one to anyone but the organisers.
        if (await challenges.ByPhaseAsync(phaseId, user, key, cancellationToken) is not var (sight, phase) || (!sight.IsOrganiser && !phase.IsRevealed))
            return Problems.NotFound("The finalist comparison");
        var board = await PrivateBoardAsync(db, phase, clock.GetUtcNow(), cancellationToken);
        return BoardView.For(board, sight.IsOrganiser).Finalists is { } view ? TypedResults.Ok(view) : Problems.NotFound("The finalist comparison");
    }

    // Its teams and the submissions that stand for them; the public ranks it would compare against are not needed here.
    private static Task<LeaderboardSnapshot> PrivateBoardAsync(DataChallengeDbContext db, Phase phase, DateTimeOffset now, CancellationToken cancellationToken)
        => PrivateBoard.BuildAsync(db, phase, new LeaderboardSnapshot(phase.Id, 0, now, null, true, []), now, cancellationToken);

    /// <summary>The same phase always draws the same resamples, so a repeated comparison gives the same answer.</summary>
    public static ulong SeedOf(Guid phaseId) => BitConverter.ToUInt64(phaseId.ToByteArray(), 0);

    private static bool TryGroupColumn(Phase phase, bool byGroup, out string? column, out ProblemHttpResult? refusal)
    {
        (column, refusal) = (null, null);
        ScoringConfig config;
        try
        {
            config = ScoringConfig.Parse(phase.ScoringConfig);
        }
        catch (ScoringConfigException)
        {
            refusal = Problems.Conflict("Finalists can be compared only in phases scored by a built-in metric.");
            return false;
        }
        if (!byGroup) return true;
        column = config.GroupColumn;
        if (column is null) refusal = Problems.BadRequest("The phase has no group_column to resample by.");
        return column is not null;
    }
}

/// <param name="Resamples">Paired resamples, 100 to 10 000 (default 1 000).</param>
/// <param name="ByGroup">Resample whole groups of the phase's <c>group_column</c> (centres) instead of rows.</param>
public sealed record CompareFinalistsRequest(int? Resamples, bool? ByGroup)
{
    public const int DefaultResamples = 1000;
    public const int MaxResamples = 10_000;
}
