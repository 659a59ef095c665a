using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DataChallenge.Api.Features.Registration;

/// <summary>
/// The one rule for data downloads and submissions: organisers pass; participants pass once confirmed, approved and bound by the
/// current terms version. Every refusal says what to do next.
/// </summary>
public static class ParticipationGate
{
    /// <param name="action">What the caller tried, completing "before you …": "download its data", "submit".</param>
    public static async Task<ProblemHttpResult?> RefusalAsync(DataChallengeDbContext db, ChallengeSight sight, string action, CancellationToken cancellationToken)
    {
        var challenge = sight.Challenge;
        return await ParticipationRule.BlockAsync(db, sight, cancellationToken) switch
        {
            ParticipationBlock.AddressUnconfirmed => AddressUnconfirmed(action),
            ParticipationBlock.NotJoined => Refuse($"Join the challenge before you {action}.", $"POST /api/challenges/{challenge.Slug}/join"
                + (challenge.TermsVersion > 0 ? $" with {{\"acceptedTermsVersion\": {challenge.TermsVersion}}} after reading its terms." : ".")),
            ParticipationBlock.PendingApproval => Refuse("Your registration awaits the organisers' approval.", $"You can {action} once an organiser approves it."),
            ParticipationBlock.Denied => Refuse("The organisers declined your registration to this challenge.", "Contact them if you think this is a mistake."),
            ParticipationBlock.TermsOutdated => Refuse($"Accept the new terms (version {challenge.TermsVersion}) before you {action}.", "Read them at "
                + $"GET /api/challenges/{challenge.Slug}/terms and accept them with POST /api/challenges/{challenge.Slug}/terms/accept "
                + $"{{\"version\": {challenge.TermsVersion}}}."),
            _ => null,
        };
    }

    /// <param name="action">What the caller tried, completing "before you …".</param>
    public static ProblemHttpResult AddressUnconfirmed(string action) => Refuse($"Confirm your address before you {action}.",
        "Follow the link in the confirmation mail sent when you registered. To get a new one: POST /api/account/resendConfirmationEmail {\"email\": \"…\"}.");

    private static ProblemHttpResult Refuse(string title, string detail)
        => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail);
}
