using System.Security.Claims;
using DataChallenge.Api.Features.Judging;
using DataChallenge.Api.Http;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataChallenge.Api.Features.SubmissionResults;

public static partial class SubmissionResultsEndpoints
{
    private static async Task<Results<Ok<SubmissionGroupsResponse>, ProblemHttpResult>> GetGroups(Guid submissionId, ClaimsPrincipal user,
        DataChallengeDbContext db, CancellationToken cancellationToken)
    {
        var (submission, phase, organiser) = await JudgingAccess.SubmissionAsync(db, submissionId, user.UserId(), cancellationToken);
        if (submission is null || phase is null) return Problems.NotFound("The submission");
        if (organiser) return TypedResults.Ok(new SubmissionGroupsResponse(submission.Id, submission.PrimaryMetric, GroupResults.Read(submission.GroupsJson)));
        // Per-group values are finer than the board: a team gets them only when the organisers chose so, as if absent otherwise.
        if (!phase.ShowOwnGroupResults) return Problems.NotFound("The submission's group results");
        var shown = GroupResults.PublicOnly(submission.GroupsJson, submission.ScoresJson)
            .Select(g => g with { Value = SplitScores.Round(g.Value, phase.ScoreDecimals) }).ToList();
        return TypedResults.Ok(new SubmissionGroupsResponse(submission.Id, submission.PrimaryMetric, shown));
    }
}
