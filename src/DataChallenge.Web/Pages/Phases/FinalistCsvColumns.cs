using DataChallenge.Core.Exports;
using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Web.Pages.Phases;

/// <summary>
/// The finalist comparison's columns of the private board's CSV: a tied group's teams share a <c>place</c> ("2–3").
/// Empty cells when no comparison has completed, or for a team it did not include.
/// </summary>
public static class FinalistCsvColumns
{
    public static string[] Header(bool privateBoard)
        => privateBoard ? ["place", "tied", "finalist_lower", "finalist_upper", "rank_lower", "rank_upper", "p_better_than_next", "tied_group"] : [];

    public static string[] Cells(LeaderboardSnapshot board, string team)
    {
        if (board.Board != SplitScores.Private) return [];
        // Joined by the name shown, which is the same in both lists when the board is anonymised.
        var place = board.Finalists is { Status: FinalistBoard.Completed } finalists ? finalists.Standings.FirstOrDefault(s => s.Team == team) : null;
        if (place is null) return Enumerable.Repeat("", Header(true).Length).ToArray();
        return [CsvCells.Text(place.Place), place.Tied ? "true" : "false", CsvCells.Number(place.Lower), CsvCells.Number(place.Upper),
            Whole(place.RankLower), Whole(place.RankUpper), CsvCells.Number(place.ProbabilityBetterThanNext), Whole(place.TiedGroup + 1)];
    }

    private static string Whole(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
