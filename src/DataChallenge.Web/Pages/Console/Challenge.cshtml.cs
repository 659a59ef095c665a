using System.ComponentModel.DataAnnotations;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.PublicData;
using DataChallenge.Core.Submissions;
using DataChallenge.Scoring;
using DataChallenge.Web.Reading;
using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DataChallenge.Web.Pages.Console;

/// <summary>
/// One challenge as its organiser runs it: its description, its phases, the hidden labels and public files (sent by
/// script to the upload APIs), and every submission with its status. The judging actions are in ChallengeModel.Judging.cs.
/// </summary>
public sealed partial class ChallengeModel(DataChallengeDbContext db, TimeProvider clock, IPublishEndpoint bus, IStringLocalizer<Resources.SharedResource> text)
    : PageModel
{
    public const string ExampleConfig = """
        {"task_type":"binary_proba","id_column":"id","label_columns":["label"],"prediction_columns":["label"],
         "metrics":["roc_auc","log_loss"],"primary_metric":"roc_auc","split_column":"Usage"}
        """;

    public Challenge Current { get; private set; } = null!;
    public IReadOnlyList<Phase> Phases { get; private set; } = [];
    public IReadOnlyList<PublicFile> Files { get; private set; } = [];
    public IReadOnlyList<SubmissionLine> Submissions { get; private set; } = [];
    public IReadOnlyList<ParticipantLine> Participants { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    [BindProperty]
    public PhaseForm NewPhase { get; set; } = new();

    [BindProperty]
    public string? Description { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        ShowFreshForms();
        return Page();
    }

    private void ShowFreshForms()
    {
        NewPhase = new PhaseForm { OpensAt = Now.UtcDateTime.AddMinutes(-Now.Minute).AddSeconds(-Now.Second).AddMilliseconds(-Now.Millisecond) };
        Description = Current.Description;
    }

    public async Task<IActionResult> OnPostPhaseAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        ModelState.Remove(nameof(Description));
        var opensAt = new DateTimeOffset(DateTime.SpecifyKind(NewPhase.OpensAt ?? Now.UtcDateTime, DateTimeKind.Utc));
        DateTimeOffset? closesAt = NewPhase.ClosesAt is { } closes ? new DateTimeOffset(DateTime.SpecifyKind(closes, DateTimeKind.Utc)) : null;
        if (closesAt <= opensAt) ModelState.AddModelError("NewPhase.ClosesAt", text["A phase must close after it opens."]);
        try
        {
            ScoringConfig.Parse(NewPhase.ScoringConfig ?? "");
        }
        catch (Exception e) when (e is ScoringConfigException or System.Text.Json.JsonException)
        {
            ModelState.AddModelError("NewPhase.ScoringConfig", text["The scoring configuration is not valid: {0}", e.Message]);
        }
        if (!ModelState.IsValid) return Page();

        db.Phases.Add(new Phase
        {
            ChallengeId = Current.Id, Name = NewPhase.Name.Trim(), OpensAt = opensAt, ClosesAt = closesAt,
            ScoringConfig = NewPhase.ScoringConfig!, MaxFileBytes = NewPhase.MaxFileMegabytes * 1024L * 1024,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/console/{slug}#phases");
    }

    public async Task<IActionResult> OnPostDescriptionAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        await db.Challenges.Where(c => c.Id == Current.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Description, Description ?? ""), cancellationToken);
        return Redirect($"/console/{slug}");
    }

    public Task<IActionResult> OnPostApproveAsync(string slug, Guid userId, CancellationToken cancellationToken)
        => DecideAsync(slug, userId, ParticipantStatus.Approved, cancellationToken);

    public Task<IActionResult> OnPostDenyAsync(string slug, Guid userId, CancellationToken cancellationToken)
        => DecideAsync(slug, userId, ParticipantStatus.Denied, cancellationToken);

    private async Task<IActionResult> DecideAsync(string slug, Guid userId, ParticipantStatus decision, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (!await ChallengeRegistration.DecideAsync(db, Current.Id, User.IdOrNull()!.Value, userId, decision, clock.GetUtcNow(), cancellationToken)) return NotFound();
        return Redirect($"/console/{slug}#participants");
    }

    /// <summary>Loads the challenge for its organisers only; to anyone else it does not exist.</summary>
    private async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var userId = User.IdOrNull();
        var challenge = await db.Challenges.AsNoTracking().Include(c => c.Phases).FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (challenge is null || !await db.IsOrganiserAsync(challenge.Id, userId, cancellationToken)) return false;
        Current = challenge;
        Now = clock.GetUtcNow();
        Phases = challenge.Phases.OrderBy(p => p.OpensAt).ToList();
        Files = await db.PublicFiles.AsNoTracking().Where(f => f.ChallengeId == challenge.Id).OrderBy(f => f.Name).ToListAsync(cancellationToken);
        var phaseIds = Phases.Select(p => p.Id).ToList();
        var rows = await db.Submissions.AsNoTracking().Where(s => phaseIds.Contains(s.PhaseId))
            .Join(db.Teams, s => s.TeamId, t => t.Id, (s, t) => new { Submission = s, Team = t.Name })
            .ToListAsync(cancellationToken);
        var phaseNames = Phases.ToDictionary(p => p.Id, p => p.Name);
        Submissions = rows.OrderByDescending(r => r.Submission.ReceivedAt).Take(500)
            .Select(r => new SubmissionLine(r.Submission, r.Team, phaseNames[r.Submission.PhaseId])).ToList();
        var registered = await db.Participants.AsNoTracking().Where(p => p.ChallengeId == challenge.Id)
            .Join(db.Teams, p => p.TeamId, t => t.Id, (p, t) => new { Participant = p, Team = t.Name })
            .Join(db.Users, x => x.Participant.UserId, u => u.Id, (x, u) => new { x.Participant, x.Team, u.Email })
            .ToListAsync(cancellationToken);
        // Pending first: they wait for a decision.
        Participants = registered.OrderBy(x => x.Participant.Status != ParticipantStatus.Pending).ThenBy(x => x.Participant.JoinedAt)
            .Select(x => new ParticipantLine(x.Participant, x.Email ?? "", x.Team)).ToList();
        return true;
    }

    public sealed record SubmissionLine(Submission Submission, string Team, string Phase);

    public sealed record ParticipantLine(Participant Participant, string Email, string Team);

    public sealed class PhaseForm
    {
        [Required(ErrorMessage = "Enter a phase name."), StringLength(100, ErrorMessage = "A phase name has 1 to 100 characters.")]
        public string Name { get; set; } = "";

        public DateTime? OpensAt { get; set; }

        public DateTime? ClosesAt { get; set; }

        [Required(ErrorMessage = "Enter the scoring configuration.")]
        public string? ScoringConfig { get; set; } = ExampleConfig;

        [Range(1, 5120, ErrorMessage = "Between 1 and 5120 MB.")]
        public int MaxFileMegabytes { get; set; } = 100;
    }
}
