using DataChallenge.Core.Challenges;
using DataChallenge.Core.Closing;
using DataChallenge.Core.Notifications;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.PublicData;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DataChallenge.Web.Pages.Challenges;

public sealed class DetailsModel(DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock, IStringLocalizer<Resources.SharedResource> text)
    : PageModel
{
    public Challenge Current { get; private set; } = null!;
    public IReadOnlyList<Phase> Phases { get; private set; } = [];
    public IReadOnlyList<PublicFile> Files { get; private set; } = [];
    public string? TeamName { get; private set; }

    /// <summary>The team's open requests for a fact sheet and code, as a candidate winner, with the phase's name.</summary>
    public IReadOnlyList<(WinnerCandidate Candidate, string PhaseName)> Obligations { get; private set; } = [];
    public bool IsOrganiser { get; private set; }
    public ParticipationBlock Block { get; private set; }
    public ChallengeTerms? Terms { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<RegistrationQuestion> Questions { get; private set; } = [];

    /// <summary>Answers to the registration questions, by question id.</summary>
    [BindProperty]
    public Dictionary<Guid, string?> Answers { get; set; } = [];

    /// <summary>The registration question whose answer was refused, with the reason.</summary>
    public AnswerProblem? RefusedAnswer { get; private set; }
    public IReadOnlyList<Announcement> News { get; private set; } = [];

    /// <summary>The unlisted challenge's secret key, carried through the join form.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty]
    public string? NewTeamName { get; set; }

    /// <summary>The terms version the person ticked; joining requires the current one.</summary>
    [BindProperty]
    public int? AcceptedTermsVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
        => await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    /// <summary>Joins as a team of one through the same rules as the join endpoint; joining twice changes nothing.</summary>
    public async Task<IActionResult> OnPostJoinAsync(string slug, CancellationToken cancellationToken)
    {
        if (User.IdOrNull() is not { } userId) return Challenge(IdentityConstants.ApplicationScheme);
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (TeamName is not null) return RedirectToPage(new { slug, key = Key });

        // Without a chosen name, a generated one: the board is public, and even the part of an address before the @ can name a person.
        var name = string.IsNullOrWhiteSpace(NewTeamName) ? TeamNaming.Generated() : TeamMembership.CleanName(NewTeamName);
        if (name is null)
        {
            ModelState.AddModelError(nameof(NewTeamName), text["A team name has 1 to {0} characters.", Team.MaxNameLength]);
            return Page();
        }
        var result = await ChallengeRegistration.JoinAsync(db, Current, userId, IsOrganiser, name, AcceptedTermsVersion, Answers, clock.GetUtcNow(),
            cancellationToken);
        switch (result.Outcome)
        {
            case JoinOutcome.Joined or JoinOutcome.AlreadyJoined:
                return RedirectToPage(new { slug, key = Key });
            case JoinOutcome.AddressUnconfirmed:
                // The page shows the confirmation notice in place of the join form.
                return RedirectToPage(new { slug, key = Key });
            case JoinOutcome.TermsNotAccepted:
                ModelState.AddModelError(nameof(AcceptedTermsVersion), text["Joining means accepting the current terms."]);
                break;
            case JoinOutcome.AnswerRefused:
                RefusedAnswer = result.Answer;
                ModelState.AddModelError(nameof(Answers), text["Answer the question '{0}'.", RegistrationQuestions.Shorten(result.Answer!.Prompt)]);
                break;
            case JoinOutcome.TeamNameTaken:
                ModelState.AddModelError(nameof(NewTeamName), text["A team with this name already exists in this challenge."]);
                break;
            default:
                ModelState.AddModelError(nameof(NewTeamName), text["You joined this challenge already, or that team name was just taken."]);
                break;
        }
        return Page();
    }

    /// <summary>Accepts a newly published terms version, which downloads and submissions wait for.</summary>
    public async Task<IActionResult> OnPostAcceptTermsAsync(string slug, CancellationToken cancellationToken)
    {
        if (User.IdOrNull() is not { } userId) return Challenge(IdentityConstants.ApplicationScheme);
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (AcceptedTermsVersion is not { } version
            || await ChallengeRegistration.AcceptTermsAsync(db, Current, userId, version, clock.GetUtcNow(), cancellationToken) != TermsOutcome.Accepted)
        {
            ModelState.AddModelError(nameof(AcceptedTermsVersion), text["Joining means accepting the current terms."]);
            return Page();
        }
        return RedirectToPage(new { slug, key = Key });
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await challenges.BySlugAsync(slug, User, Key, cancellationToken) is not { } sight) return false;
        Current = sight.Challenge;
        IsOrganiser = sight.IsOrganiser;
        Now = clock.GetUtcNow();
        Phases = (await db.Phases.AsNoTracking().Where(p => p.ChallengeId == Current.Id).ToListAsync(cancellationToken)).OrderBy(p => p.OpensAt).ToList();
        Files = await db.PublicFiles.AsNoTracking().Where(f => f.ChallengeId == Current.Id).OrderBy(f => f.Name).ToListAsync(cancellationToken);
        Block = await db.BlockAsync(sight, cancellationToken);
        Questions = await RegistrationQuestions.OfAsync(db, Current.Id, cancellationToken);
        News = await AnnouncementReading.NewestFirstAsync(db, Current.Id, cancellationToken);
        if (Current.TermsVersion > 0)
            Terms = await db.ChallengeTerms.AsNoTracking().FirstOrDefaultAsync(t => t.ChallengeId == Current.Id && t.Version == Current.TermsVersion, cancellationToken);
        if (await db.TeamOfAsync(Current.Id, sight.UserId, cancellationToken) is { } teamId)
        {
            TeamName = await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).FirstAsync(cancellationToken);
            var owed = await db.WinnerCandidates.AsNoTracking().Where(c => c.TeamId == teamId && c.PublishedAt == null)
                .Join(db.Phases, c => c.PhaseId, p => p.Id, (c, p) => new { Candidate = c, p.Name }).ToListAsync(cancellationToken);
            Obligations = owed.Select(o => (o.Candidate, o.Name)).ToList();
        }
        return true;
    }
}
