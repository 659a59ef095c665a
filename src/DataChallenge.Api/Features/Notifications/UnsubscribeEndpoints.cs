using System.Globalization;
using System.Text.Encodings.Web;
using DataChallenge.Api.Http;
using DataChallenge.Api.Mail;
using DataChallenge.Core.Accounts;
using DataChallenge.Core.Notifications;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Api.Features.Notifications;

/// <summary>
/// The link at the foot of every notification, usable without signing in. GET only asks (mail scanners follow links);
/// POST, from the page's button or a mail reader's one-click unsubscribe (RFC 8058), turns the kind off.
/// </summary>
public static class UnsubscribeEndpoints
{
    public static RouteGroupBuilder MapUnsubscribe(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/notifications/unsubscribe").WithTags("Notifications").AllowAnonymous().DisableAntiforgery();
        group.MapGet("", Confirm).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A page that asks before turning one kind of mail off.");
        group.MapPost("", Unsubscribe).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Turn one kind of mail off for one challenge; the signed token in the link says which.");
        return group;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Confirm(string? token, UnsubscribeTokens tokens, DataChallengeDbContext db,
        CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not { } what) return Problems.NotFound("The unsubscribe link");
        var (language, challenge) = (Language(), await TitleAsync(db, what, cancellationToken));
        var french = language == "fr";
        var question = french ? $"Ne plus recevoir {NotificationMailTexts.KindName(what.Kind, language)} pour « {challenge} » ?"
            : $"Stop receiving {NotificationMailTexts.KindName(what.Kind, language)} for \"{challenge}\"?";
        return Page(language, question, $"<form method=\"post\"><button type=\"submit\">{(french ? "Me désabonner" : "Unsubscribe")}</button></form>");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Unsubscribe(string? token, UnsubscribeTokens tokens, DataChallengeDbContext db,
        CancellationToken cancellationToken)
    {
        if (tokens.Read(token) is not { } what) return Problems.NotFound("The unsubscribe link");
        var participant = await db.Participants.FirstOrDefaultAsync(p => p.ChallengeId == what.ChallengeId && p.UserId == what.UserId, cancellationToken);
        if (participant is not null)
        {
            participant.Notifications &= ~what.Kind;
            await db.SaveChangesAsync(cancellationToken);
        }
        var language = Language();
        var challenge = await TitleAsync(db, what, cancellationToken);
        return Page(language, language == "fr"
            ? $"C’est fait : vous ne recevrez plus {NotificationMailTexts.KindName(what.Kind, language)} pour « {challenge} »."
            : $"Done: you will no longer receive {NotificationMailTexts.KindName(what.Kind, language)} for \"{challenge}\".", "");
    }

    private static string Language() => AccountLanguage.Of(CultureInfo.CurrentUICulture);

    private static async Task<string> TitleAsync(DataChallengeDbContext db, Unsubscription what, CancellationToken cancellationToken)
        => await db.Challenges.Where(c => c.Id == what.ChallengeId).Select(c => c.Title).FirstOrDefaultAsync(cancellationToken) ?? "DataChallenge";

    private static ContentHttpResult Page(string language, string message, string form)
        => TypedResults.Content($"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>DataChallenge</title></head>"
            + $"<body><main><p>{HtmlEncoder.Default.Encode(message)}</p>{form}</main></body></html>", "text/html; charset=utf-8");
}
