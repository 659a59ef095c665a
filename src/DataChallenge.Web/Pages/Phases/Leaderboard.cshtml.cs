using System.Globalization;
using System.Text;
using DataChallenge.Core.Challenges;
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

    /// <summary>The board as CSV, public columns only, numbers in invariant culture so spreadsheets read them back.</summary>
    public async Task<IActionResult> OnGetCsvAsync(Guid phaseId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(phaseId, cancellationToken)) return NotFound();
        var csv = new StringBuilder("rank,team,score,interval_lower,interval_upper,entries,best_submitted_at,last_submitted_at\n");
        foreach (var row in Board.Rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{row.Rank},{CsvField(row.Team)},{row.Score:R},{row.IntervalLower:R},{row.IntervalUpper:R},{row.Entries},{row.SubmittedAt.UtcDateTime:O},{row.LastSubmittedAt.UtcDateTime:O}\n");
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"{Current.Slug}-{Phase.Name}-leaderboard.csv");
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
        return true;
    }

    // Quotes when needed, and a leading formula character is defused: team names are user input opened in spreadsheets.
    private static string CsvField(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
