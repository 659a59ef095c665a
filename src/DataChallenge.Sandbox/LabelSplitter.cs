using System.Text;

namespace DataChallenge.Sandbox;

/// <summary>
/// Splits a labels CSV by its split column (Public / Private) into one file per split without that column, so that a
/// program run for one split sees only that split's labels. Fields are copied byte for byte, quotes included.
/// </summary>
public static class LabelSplitter
{
    /// <summary>Split names as the results carry them, keyed by the value in the split column.</summary>
    public static readonly IReadOnlyDictionary<string, string> Splits = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Public"] = "public",
        ["Private"] = "private",
    };

    /// <summary>Writes <c>{folder}/{split}.csv</c> for each split; returns split name → file path, in the order met.</summary>
    /// <exception cref="LabelsSplitException">No such column, a value other than Public / Private, or a ragged row.</exception>
    public static IReadOnlyDictionary<string, string> Split(Stream labels, string splitColumn, string folder)
    {
        Directory.CreateDirectory(folder);
        using var reader = new StreamReader(labels, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = ReadRecord(reader) ?? throw new LabelsSplitException("The labels file is empty.");
        var column = header.FindIndex(f => Unquote(f) == splitColumn);
        if (column < 0) throw new LabelsSplitException($"The labels file has no column '{splitColumn}'.");

        var writers = new Dictionary<string, StreamWriter>(StringComparer.Ordinal);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var line = 1;
            while (ReadRecord(reader) is { } record)
            {
                line++;
                if (record.Count == 1 && record[0].Length == 0) continue;
                if (record.Count != header.Count)
                    throw new LabelsSplitException($"Row {line} of the labels file has {record.Count} fields; the header has {header.Count}.");
                var value = Unquote(record[column]);
                if (!Splits.TryGetValue(value, out var split))
                    throw new LabelsSplitException($"Row {line} of the labels file has '{value}' in '{splitColumn}'; it must be Public or Private.");
                if (!writers.TryGetValue(split, out var writer))
                {
                    var path = Path.Combine(folder, split + ".csv");
                    writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                    WriteWithout(writer, header, column);
                    writers.Add(split, writer);
                    paths.Add(split, path);
                }

                WriteWithout(writer, record, column);
            }
        }
        finally
        {
            foreach (var writer in writers.Values) writer.Dispose();
        }

        if (paths.Count == 0) throw new LabelsSplitException("The labels file has no rows.");
        return paths;
    }

    private static void WriteWithout(StreamWriter writer, List<string> record, int column)
    {
        var first = true;
        for (var i = 0; i < record.Count; i++)
        {
            if (i == column) continue;
            if (!first) writer.Write(',');
            writer.Write(record[i]);
            first = false;
        }

        writer.Write('\n');
    }

    private static string Unquote(string field)
        => field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Replace("\"\"", "\"") : field.Trim();

    // RFC 4180 record reader that keeps each field's raw text; a quoted field may span lines.
    private static List<string>? ReadRecord(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                field.Append(ch);
                if (ch == '"')
                {
                    if (reader.Peek() == '"') field.Append((char)reader.Read());
                    else quoted = false;
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    quoted = true;
                    field.Append(ch);
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    return fields;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (!any) return null;
        fields.Add(field.ToString());
        return fields;
    }
}

/// <summary>The labels file cannot be split; the message is for the organiser.</summary>
public sealed class LabelsSplitException(string message) : Exception(message);
