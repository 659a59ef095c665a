using System.Globalization;
using System.Text;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.Persistence;
using DataChallenge.Web.Reading;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Web.Pages.Phases;

/// <summary>A phase's public board: rendered complete for readers without script, then kept current from the live stream.</summary>
public sealed class LeaderboardModel(DataChallengeDbContext db, TimeProvider clock) : PageModel
{
    public Phase Phase { get; private set; } = null!;
    public Challenge Current { get; private set; } = null!;
    public Board Board { get; private set; } = null!;
    public IReadOnlyList<ChartPoint> BestOverTime { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid phaseId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(phaseId, cancellationToken)) return NotFound();
        var history = await ScoreHistory.ReadAsync(db, phaseId, Board.HigherIsBetter, cancellationToken);
        BestOverTime = history.BestOverTime();
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
        var phase = await db.Phases.AsNoTracking().Include(p => p.Challenge).FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken);
        if (phase?.Challenge is null) return false;
        Phase = phase;
        Current = phase.Challenge;
        Now = clock.GetUtcNow();
        Board = await db.ReadAsync(phaseId, cancellationToken);
        return true;
    }

    // Quotes when needed, and a leading formula character is defused: team names are user input opened in spreadsheets.
    private static string CsvField(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
