using System.Text;

namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Turns one field into a value or a rejection. About the labels file the message describes the rule only, since its
/// values are hidden; about the predictions file it may quote the competitor's own value.
/// </summary>
internal sealed class CellReader(CsvReader csv, bool hidden)
{
    private const int MaxQuoted = 40;

    public CsvReader Csv { get; } = csv;

    public bool Hidden { get; } = hidden;

    public double Number(int field)
    {
        var text = Csv.Field(field);
        if (NumberParser.TryParse(text, out var value)) return value;
        throw Csv.Reject(field, text.IsEmpty
            ? "the field is empty; a number is required."
            : $"{Quote(text)} is not a number; write decimal or scientific notation with a dot, such as 0.25 or 2.5e-1 (not-a-number and infinite values are not allowed).");
    }

    public double Probability(int field)
    {
        var value = Number(field);
        if (value is >= 0 and <= 1) return value;
        throw Csv.Reject(field, $"{Quote(Csv.Field(field))} is not a probability; probabilities lie between 0 and 1.");
    }

    public double ZeroOne(int field)
    {
        var value = Number(field);
        if (value is 0 or 1) return value;
        throw Csv.Reject(field, $"{Quote(Csv.Field(field))} must be 0 or 1.");
    }

    public int Class(int field, byte[][] classes, IReadOnlyList<string> names)
    {
        var text = Csv.Field(field);
        for (var c = 0; c < classes.Length; c++)
        {
            if (text.SequenceEqual(classes[c])) return c;
        }

        throw Csv.Reject(field, text.IsEmpty
            ? "the field is empty; a class is required."
            : $"{Quote(text)} is not one of the classes ({string.Join(", ", names)}).");
    }

    private string Quote(ReadOnlySpan<byte> text)
    {
        if (Hidden) return "the value";
        var value = Encoding.UTF8.GetString(text);
        return value.Length > MaxQuoted ? $"'{value[..MaxQuoted]}…'" : $"'{value}'";
    }
}
