using System.Globalization;
using System.Text;
using DataChallenge.Scoring;

namespace DataChallenge.Cli.Remote;

/// <summary>
/// The checks a predictions file allows without the hidden labels: the header names the id and prediction columns, ids
/// are unique, and numeric predictions parse. It saves an upload (and a quota slot) on a file the server would reject.
/// </summary>
internal static class PredictionsPrecheck
{
    private static readonly HashSet<string> NumericTasks =
        [TaskTypes.BinaryProba, TaskTypes.MulticlassProba, TaskTypes.MultilabelProba, TaskTypes.Regression];

    /// <exception cref="SubmissionRejectedException">The file breaks one of these rules.</exception>
    public static void Check(string path, ScoringConfig config, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { Options = FileOptions.SequentialScan });
        var header = reader.ReadLine() ?? throw new SubmissionRejectedException(name, 0, null, "the file is empty.");
        var columns = Split(header);
        var idIndex = columns.IndexOf(config.IdColumn);
        if (idIndex < 0) throw new SubmissionRejectedException(name, 1, config.IdColumn, "the header has no id column.");
        var predictionIndexes = new List<(string Name, int Index)>();
        foreach (var column in config.PredictionColumns)
        {
            var index = columns.IndexOf(column);
            if (index < 0) throw new SubmissionRejectedException(name, 1, column, "the header lacks this prediction column.");
            predictionIndexes.Add((column, index));
        }

        var numeric = NumericTasks.Contains(config.TaskType);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (line % 65536 == 0) cancellationToken.ThrowIfCancellationRequested();
            if (text.Length == 0) continue;
            var cells = Split(text);
            if (cells.Count != columns.Count)
                throw new SubmissionRejectedException(name, line, null, $"the row has {cells.Count} fields where the header has {columns.Count}.");
            if (!ids.Add(cells[idIndex])) throw new SubmissionRejectedException(name, line, config.IdColumn, $"the id '{cells[idIndex]}' appears twice.");
            if (!numeric) continue;
            foreach (var (column, index) in predictionIndexes)
            {
                if (!double.TryParse(cells[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                    throw new SubmissionRejectedException(name, line, column, $"'{cells[index]}' is not a finite number.");
            }
        }
        if (line == 1) throw new SubmissionRejectedException(name, 0, null, "the file has a header but no rows.");
    }

    // RFC 4180 fields on one line: quotes around a field, doubled quotes inside it.
    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else if (c != '\r') cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
