using System.Globalization;

namespace DataChallenge.Core.Exports;

/// <summary>Cells of the CSV exports: invariant numbers that spreadsheets read back, and text that cannot become a formula.</summary>
public static class CsvCells
{
    /// <summary>Quotes when needed, and defuses a leading formula character: team names and notes are user input opened in spreadsheets.</summary>
    public static string Text(string? value)
    {
        value ??= "";
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    public static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    public static string Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "";

    public static string Line(IEnumerable<string> cells) => string.Join(',', cells) + "\n";
}
