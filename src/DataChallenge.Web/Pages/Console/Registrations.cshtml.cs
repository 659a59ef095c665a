using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DataChallenge.Web.Pages.Console;

/// <summary>
/// The questions a challenge asks at registration and everyone's answers, for its organisers only. The rules are those of
/// <c>/api/challenges/{slug}/registration-questions</c> (Core's <see cref="RegistrationQuestions"/>).
/// </summary>
public sealed class RegistrationsModel(DataChallengeDbContext db, TimeProvider clock, IStringLocalizer<Resources.SharedResource> text) : PageModel
{
    public Challenge Current { get; private set; } = null!;
    public IReadOnlyList<RegistrationQuestion> Questions { get; private set; } = [];
    public IReadOnlyList<RegistrationLine> Lines { get; private set; } = [];

    [BindProperty]
    public QuestionForm NewQuestion { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
        => await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (RegistrationQuestions.Check(NewQuestion.Kind, NewQuestion.Prompt, Questions.Count) is { } problem)
        {
            ModelState.AddModelError($"NewQuestion.{problem.Field}", text[problem.Message]);
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        RegistrationQuestions.Add(db, Current.Id, Questions, NewQuestion.Kind!, NewQuestion.Prompt!, NewQuestion.Required, User.IdOrNull(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/console/{slug}/registrations");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string slug, Guid questionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        return await RegistrationQuestions.RemoveAsync(db, Current.Id, questionId, User.IdOrNull(), clock.GetUtcNow(), cancellationToken)
            ? Redirect($"/console/{slug}/registrations")
            : NotFound();
    }

    /// <summary>Loads the challenge for its organisers only; to anyone else it does not exist.</summary>
    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (challenge is null || !await db.IsOrganiserAsync(challenge.Id, User.IdOrNull(), cancellationToken)) return false;
        Current = challenge;
        Questions = await RegistrationQuestions.OfAsync(db, challenge.Id, cancellationToken);
        Lines = await RegistrationAnswers.ForOrganisersAsync(db, challenge.Id, cancellationToken);
        return true;
    }

    public sealed class QuestionForm
    {
        public string? Kind { get; set; } = "affiliation";
        public string? Prompt { get; set; }
        public bool Required { get; set; }
    }
}
