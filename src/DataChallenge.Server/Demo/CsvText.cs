using System.Globalization;
using System.Text;

namespace DataChallenge.Server.Demo;

/// <summary>Builds a CSV the same way on every machine: header row, LF endings, invariant culture.</summary>
internal sealed class CsvText
{
    private readonly StringBuilder _text = new();

    public CsvText(params string[] header) => Row(header);

    public CsvText Row(params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
                _text.Append(',');
            _text.Append(Quote(fields[i]));
        }
        _text.Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Six decimals: enough for ranking metrics, short enough to keep the files small.</summary>
    public static string Probability(double value) =>
        Math.Clamp(value, 0, 1).ToString("0.######", CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
