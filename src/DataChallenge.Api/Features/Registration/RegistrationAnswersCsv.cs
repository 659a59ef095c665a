using System.Globalization;
using System.Text;
using DataChallenge.Core.Challenges;

namespace DataChallenge.Api.Features.Registration;

/// <summary>
/// The organisers' export of registrations: one row per participant, one column per question (headed by its prompt).
/// Answers are written by participants and opened in spreadsheets, so a cell that a spreadsheet would run as a formula
/// is prefixed with an apostrophe.
/// </summary>
public static class RegistrationAnswersCsv
{
    public static string Write(IReadOnlyList<RegistrationQuestion> questions, IReadOnlyList<RegistrationLine> lines)
    {
        var csv = new StringBuilder();
        AppendRow(csv, ["user_id", "email", "team", "status", "joined_at", .. questions.Select(q => q.Prompt)]);
        foreach (var line in lines)
            AppendRow(csv, [line.UserId.ToString(), line.Email ?? "", line.TeamName, RegistrationEndpoints.StatusName(line.Status),
                line.JoinedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                .. questions.Select(q => line.Answers.GetValueOrDefault(q.Id) ?? "")]);
        return csv.ToString();
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append('\n');
    }

    private static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
