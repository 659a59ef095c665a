using System.Globalization;
using DataChallenge.Contracts;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Scoring;
using DataChallenge.Web.Reading;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace DataChallenge.Web.Pages.Console;

/// <summary>
/// Edits one phase: its name, window, submission rules, scoring configuration and board settings. The rules are those of
/// <c>PUT /api/phases/{id}</c> and <c>PUT /api/phases/{id}/board-settings</c> (Core's <see cref="PhaseEditing"/>), with the same audit lines.
/// </summary>
public sealed class PhaseModel(DataChallengeDbContext db, TimeProvider clock, IPublishEndpoint bus, IStringLocalizer<Resources.SharedResource> text)
    : PageModel
{
    private const long Megabyte = 1024L * 1024;

    public Challenge Current { get; private set; } = null!;
    public Phase Edited { get; private set; } = null!;

    [BindProperty]
    public PhaseEditForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug, Guid phaseId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, phaseId, cancellationToken)) return NotFound();
        Form = PhaseEditForm.From(Edited);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, Guid phaseId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, phaseId, cancellationToken)) return NotFound();
        var change = new PhaseChange(Form.Name ?? "", Utc(Form.OpensAt) ?? Edited.OpensAt, Utc(Form.ClosesAt), Form.MaxFileMegabytes * Megabyte,
            Form.MaxSubmissionsPerDay, Form.MaxSubmissionsTotal, Form.MaxRejectedPerDay, Form.MaxFinalSubmissions);
        if (PhaseEditing.Check(Edited, change) is { } problem) Refuse(problem);
        var configJson = Form.ScoringConfig?.Trim() ?? "";
        try
        {
            ScoringConfig.Parse(configJson);
        }
        catch (Exception e) when (e is ScoringConfigException or System.Text.Json.JsonException)
        {
            ModelState.AddModelError("Form.ScoringConfig", text["The scoring configuration is not valid: {0}", e.Message]);
        }
        double? margin = null;
        if (!string.IsNullOrWhiteSpace(Form.LadderMargin))
        {
            if (double.TryParse(Form.LadderMargin, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) margin = parsed;
            else ModelState.AddModelError("Form.LadderMargin", text["ladderMargin is a non-negative number, or null to turn it off."]);
        }
        var board = new BoardSettingsChange(Form.BoardHidden, Form.AnonymiseTeams, Form.ScoreDecimals, margin);
        if (PhaseEditing.CheckBoard(board) is { } boardProblem) Refuse(boardProblem);
        if (!ModelState.IsValid)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        var now = clock.GetUtcNow();
        var actorId = User.IdOrNull();
        var phase = await db.Phases.FirstAsync(p => p.Id == Edited.Id, cancellationToken);
        PhaseEditing.Apply(db, phase, change, actorId, now);
        PhaseEditing.ApplyScoringConfig(db, phase, configJson, actorId, now);
        // Only a real change of the board settings is recorded and sent to the boards.
        var boardChanged = phase.BoardHidden != board.Hidden || phase.AnonymiseTeams != board.Anonymise
            || phase.ScoreDecimals != (board.ScoreDecimals ?? 4) || phase.LadderMargin != board.LadderMargin;
        if (boardChanged) PhaseEditing.ApplyBoard(db, phase, board, actorId, now);
        await db.SaveChangesAsync(cancellationToken);
        if (boardChanged) await bus.Publish(new PhaseBoardChanged { PhaseId = phase.Id, ChangedAt = now }, cancellationToken);
        return Redirect($"/console/{slug}#phase-{phase.Id}");
    }

    private void Refuse(EditProblem problem)
    {
        var field = problem.Field switch
        {
            nameof(PhaseChange.MaxFileBytes) => nameof(PhaseEditForm.MaxFileMegabytes),
            nameof(BoardSettingsChange.Hidden) => nameof(PhaseEditForm.BoardHidden),
            nameof(BoardSettingsChange.Anonymise) => nameof(PhaseEditForm.AnonymiseTeams),
            _ => problem.Field,
        };
        ModelState.AddModelError($"Form.{field}", text[problem.Message]);
    }

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    /// <summary>Loads the phase for its challenge's organisers only; to anyone else it does not exist.</summary>
    private async Task<bool> LoadAsync(string slug, Guid phaseId, CancellationToken cancellationToken)
    {
        var challenge = await db.Challenges.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (challenge is null || !await db.IsOrganiserAsync(challenge.Id, User.IdOrNull(), cancellationToken)) return false;
        var phase = await db.Phases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId && p.ChallengeId == challenge.Id, cancellationToken);
        if (phase is null) return false;
        Current = challenge;
        Edited = phase;
        return true;
    }
}
