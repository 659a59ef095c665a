using DataChallenge.Contracts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Judging;
using DataChallenge.Core.Submissions;
using DataChallenge.Scoring;
using DataChallenge.Web.Reading;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Web.Pages.Console;

/// <summary>
/// The organiser's judging actions that need no worker: revealing a private board and invalidating a submission. Both
/// run the same Core rules as the API, and, like it, tell the leaderboard processes that the board changed.
/// </summary>
public sealed partial class ChallengeModel
{
    /// <summary>Why the last action was refused, and which form it belongs to (<c>reveal-…</c>, <c>invalidate-…</c>).</summary>
    public (string Form, string Message)? Refusal { get; private set; }

    public string? RefusalFor(string form) => Refusal is { } refusal && refusal.Form == form ? refusal.Message : null;

    public PhaseActions ActionsFor(Phase phase) => new(phase, Current.Slug, HasPrivateBoard(phase), RefusalFor($"reveal-{phase.Id}"));

    public SubmissionRow RowFor(SubmissionLine line) => new(line, Current.Slug, RefusalFor($"invalidate-{line.Submission.Id}"),
        DetailedResultsLinks.Splits(line.Submission, Phases.First(p => p.Id == line.Submission.PhaseId), organiser: true));

    /// <summary>A private board exists only where the labels are split into public and private rows.</summary>
    public static bool HasPrivateBoard(Phase phase)
    {
        try
        {
            return ScoringConfig.Parse(phase.ScoringConfig).SplitColumn is not null;
        }
        catch (ScoringConfigException)
        {
            return false;
        }
    }

    public async Task<IActionResult> OnPostRevealAsync(string slug, Guid phaseId, bool understood, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (Phases.FirstOrDefault(p => p.Id == phaseId) is not { } phase) return NotFound();
        if (!understood) return Refuse($"reveal-{phaseId}", text["Tick the box to confirm that the private leaderboard becomes public."]);

        var now = clock.GetUtcNow();
        if (await PhaseReveal.RevealAsync(db, phase, User.IdOrNull(), now, cancellationToken)) await BoardChangedAsync(phase.Id, now, cancellationToken);
        return Redirect($"/console/{slug}#phase-{phaseId}");
    }

    public async Task<IActionResult> OnPostInvalidateAsync(string slug, Guid submissionId, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        var phaseIds = Phases.Select(p => p.Id).ToList();
        // Tracked, so the rule's change is saved; a submission of another challenge answers like a missing one.
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == submissionId && phaseIds.Contains(s.PhaseId), cancellationToken);
        if (submission is null) return NotFound();

        var now = clock.GetUtcNow();
        var phase = Phases.First(p => p.Id == submission.PhaseId);
        var outcome = await SubmissionInvalidation.InvalidateAsync(db, submission, phase, User.IdOrNull()!.Value, reason, now, cancellationToken);
        if (outcome == InvalidationOutcome.ReasonMissing)
            return Refuse($"invalidate-{submissionId}", text["Give a reason of 1 to {0} characters; it is kept in the audit trail.", SubmissionInvalidation.MaxReasonLength]);
        if (outcome == InvalidationOutcome.Invalidated) await BoardChangedAsync(phase.Id, now, cancellationToken);
        return Redirect($"/console/{slug}#submission-{submissionId}");
    }

    // The page is shown again with the refusal beside its form; the other forms start afresh.
    private PageResult Refuse(string form, string message)
    {
        ModelState.Clear();
        Refusal = (form, message);
        ShowFreshForms();
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private Task BoardChangedAsync(Guid phaseId, DateTimeOffset now, CancellationToken cancellationToken)
        => bus.Publish(new PhaseBoardChanged { PhaseId = phaseId, ChangedAt = now }, cancellationToken);

    /// <summary>What the phase's judging controls need to draw themselves.</summary>
    public sealed record PhaseActions(Phase Phase, string Slug, bool HasPrivateBoard, string? Refusal);

    public sealed record SubmissionRow(SubmissionLine Line, string Slug, string? Refusal, IReadOnlyList<string> DetailedSplits);
}
