using System.Globalization;
using System.Text;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Closing;
using DataChallenge.Core.Exports;
using DataChallenge.Core.Leaderboards;
using DataChallenge.Core.Persistence;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DataChallenge.Web.Pages.Phases;

/// <summary>
/// A phase's board: rendered complete for readers without script, then kept current from the live stream. Built by the
/// same code as the JSON endpoint and cut by the same <see cref="BoardView"/>, so page and API show the same thing.
/// </summary>
public sealed class LeaderboardModel(DataChallengeDbContext db, ChallengeLookup challenges, TimeProvider clock) : PageModel
{
    public Phase Phase { get; private set; } = null!;
    public Challenge Current { get; private set; } = null!;
    public LeaderboardSnapshot Board { get; private set; } = null!;

    /// <summary>The private board beside the public one: for organisers at any time, for everyone after the reveal.</summary>
    public LeaderboardSnapshot? PrivateView { get; private set; }

    /// <summary>The organisers' published verdicts on the candidate winners, by team; empty until they publish.</summary>
    public IReadOnlyDictionary<Guid, WinnerCandidate> Verdicts { get; private set; } = new Dictionary<Guid, WinnerCandidate>();
    public bool IsOrganiser { get; private set; }
    public IReadOnlyList<ChartPoint> BestOverTime { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    /// <summary>The unlisted challenge's key this page was opened with, if any.</summary>
    public string? Key { get; private set; }

    /// <summary>The board is hidden from this reader: no rows, no chart.</summary>
    public bool HiddenFromReader => Board.Hidden && !IsOrganiser;

    public async Task<IActionResult> OnGetAsync(Guid phaseId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(phaseId, cancellationToken)) return NotFound();
        // The chart replays scores by team and time: hidden boards show none, anonymised ones still show only the best score.
        if (!HiddenFromReader)
            BestOverTime = (await ScoreHistory.ReadAsync(db, Phase, Board.HigherIsBetter, cancellationToken)).BestOverTime();
        return Page();
    }

    /// <summary>
    /// A board as CSV, numbers in invariant culture so spreadsheets read them back: every metric of the phase after the
    /// fixed columns. <paramref name="board"/> <c>private</c> gives the private board to whoever may see it here.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid phaseId, string? board, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(phaseId, cancellationToken)) return NotFound();
        var isPrivate = board == SplitScores.Private;
        if (isPrivate && PrivateView is null) return NotFound();
        var shown = isPrivate ? PrivateView! : Board;
        var csv = new StringBuilder(CsvCells.Line(["rank", "team", "score", "interval_lower", "interval_upper", "entries", "best_submitted_at",
            "last_submitted_at", "statistically_tied", .. shown.Metrics.Select(CsvCells.Text), .. FinalistCsvColumns.Header(isPrivate)]));
        foreach (var row in shown.Rows)
        {
            csv.Append(CsvCells.Line([row.Rank.ToString(CultureInfo.InvariantCulture), CsvCells.Text(row.Team), CsvCells.Number(row.Score),
                CsvCells.Number(row.IntervalLower), CsvCells.Number(row.IntervalUpper), row.Entries.ToString(CultureInfo.InvariantCulture),
                CsvCells.Time(row.SubmittedAt), CsvCells.Time(row.LastSubmittedAt), row.StatisticallyTied ? "true" : "false",
                .. shown.Metrics.Select((_, i) => CsvCells.Number(row.Values is { } values && i < values.Count ? values[i] : null)),
                .. FinalistCsvColumns.Cells(shown, row.Team)]));
        }
        var name = $"{Current.Slug}-{Phase.Name}-{(isPrivate ? "private" : "leaderboard")}.csv";
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
    }

    private async Task<bool> LoadAsync(Guid phaseId, CancellationToken cancellationToken)
    {
        Key = Request.Query["key"];
        if (await challenges.ByPhaseAsync(phaseId, User, Key, cancellationToken) is not var (sight, phase)) return false;
        Phase = phase;
        Current = sight.Challenge;
        IsOrganiser = sight.IsOrganiser;
        Now = clock.GetUtcNow();
        // Read from the database rather than the leaderboard role's cache: the api role may run without that role.
        var publicBoard = await PublicBoard.BuildAsync(db, phase, Now, cancellationToken);
        Board = BoardView.For(publicBoard, IsOrganiser);
        if (IsOrganiser || phase.IsRevealed)
            PrivateView = BoardView.For(await PrivateBoard.BuildAsync(db, phase, publicBoard, Now, cancellationToken), IsOrganiser);
        if (phase.IsRevealed) Verdicts = await WinnerVerdicts.PublishedAsync(db, phase.Id, cancellationToken);
        return true;
    }
}
