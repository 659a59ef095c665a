using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace DataChallenge.Api.Features.Judging;

public static partial class JudgingEndpoints
{
    private static async Task<Results<Ok<BoardSettingsResponse>, ProblemHttpResult>> PutBoardSettings(Guid phaseId, BoardSettingsRequest request,
        ClaimsPrincipal user, DataChallengeDbContext db, IPublishEndpoint bus, TimeProvider clock, IOptions<PlatformOptions> platform, CancellationToken cancellationToken)
    {
        var (phase, organiser) = await JudgingAccess.PhaseAsync(db, phaseId, user.UserId(), platform.Value, cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        if (!organiser) return Problems.Forbidden("Only the challenge's organisers change the board settings.");
        var change = new BoardSettingsChange(request.Hidden, request.Anonymise, request.ScoreDecimals, request.LadderMargin);
        if (PhaseEditing.CheckBoard(change) is { } invalid) return Problems.BadRequest(invalid.Message);

        var now = clock.GetUtcNow();
        PhaseEditing.ApplyBoard(db, phase, change, user.UserId(), now);
        await db.SaveChangesAsync(cancellationToken);
        await BoardChangedAsync(bus, phaseId, now, cancellationToken);
        return TypedResults.Ok(new BoardSettingsResponse(phaseId, phase.BoardHidden, phase.AnonymiseTeams, phase.ScoreDecimals, phase.LadderMargin));
    }
}
