using System.Globalization;
using System.Security.Claims;
using DataChallenge.Api.Http;
using DataChallenge.Core.Audit;
using DataChallenge.Core.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataChallenge.Api.Features.Judging;

public static partial class JudgingEndpoints
{
    private static async Task<Results<Ok<BoardSettingsResponse>, ProblemHttpResult>> PutBoardSettings(Guid phaseId, BoardSettingsRequest request,
        ClaimsPrincipal user, DataChallengeDbContext db, IPublishEndpoint bus, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (phase, organiser) = await JudgingAccess.PhaseAsync(db, phaseId, user.UserId(), cancellationToken);
        if (phase is null) return Problems.NotFound("The phase");
        if (!organiser) return Problems.Forbidden("Only the challenge's organisers change the board settings.");
        if (request.ScoreDecimals is < 0 or > 10) return Problems.BadRequest("scoreDecimals is between 0 and 10.");
        if (request.LadderMargin is { } margin && (!double.IsFinite(margin) || margin < 0)) return Problems.BadRequest("ladderMargin is a non-negative number, or null to turn it off.");

        phase.BoardHidden = request.Hidden;
        phase.AnonymiseTeams = request.Anonymise;
        phase.ScoreDecimals = request.ScoreDecimals ?? 4;
        phase.LadderMargin = request.LadderMargin;
        var now = clock.GetUtcNow();
        db.Record(phase.ChallengeId, user.UserId(), "board.settings", $"phase:{phaseId}", string.Create(CultureInfo.InvariantCulture,
            $"hidden={phase.BoardHidden}, anonymise={phase.AnonymiseTeams}, scoreDecimals={phase.ScoreDecimals}, ladderMargin={phase.LadderMargin?.ToString(CultureInfo.InvariantCulture) ?? "off"}"), now);
        await db.SaveChangesAsync(cancellationToken);
        await BoardChangedAsync(bus, phaseId, now, cancellationToken);
        return TypedResults.Ok(new BoardSettingsResponse(phaseId, phase.BoardHidden, phase.AnonymiseTeams, phase.ScoreDecimals, phase.LadderMargin));
    }
}
