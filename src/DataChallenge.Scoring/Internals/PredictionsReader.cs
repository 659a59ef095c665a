using System.Text;
using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Internals;

/// <summary>Reads the predictions file and aligns each row with the labels row of the same id.</summary>
internal static class PredictionsReader
{
    private const int Examples = 3;

    public static ScoringData Read(Stream stream, ScoringConfig config, TaskLayout layout, LabelsTable labels, string file, CancellationToken cancellationToken)
    {
        var csv = new CsvReader(stream, file, cancellationToken);
        if (!csv.ReadRow()) throw csv.RejectFile("the file is empty.");
        var expected = new List<string> { config.IdColumn };
        expected.AddRange(config.PredictionColumns);
        var map = HeaderLayout.Resolve(csv, expected);
        var columns = csv.FieldCount;
        var idField = map[0];
        var fields = map.AsSpan(1).ToArray();

        var rows = labels.Rows;
        var prediction = layout.PredictionIsClass || layout.IsText ? [] : new double[(long)rows * layout.PredictionWidth];
        var predictionClass = layout.PredictionIsClass ? new int[rows] : [];
        var text = layout.IsText ? new RleMask[rows] : [];
        var seen = new bool[rows];
        var cells = new CellReader(csv, hidden: false);
        var extra = 0;
        var extraExamples = new List<string>();
        long firstExtraLine = 0;
        while (csv.ReadRow())
        {
            RowRules.CheckFieldCount(csv, columns);
            var id = csv.Field(idField);
            var row = labels.Ids.Find(id);
            if (row < 0)
            {
                if (id.IsEmpty) throw csv.Reject(idField, "the id is empty.");
                if (extra++ == 0) firstExtraLine = csv.RowLine;
                if (extraExamples.Count < Examples) extraExamples.Add($"'{RowRules.Shorten(csv.FieldText(idField))}' (line {csv.RowLine})");
                continue;
            }

            if (seen[row])
                throw csv.Reject(idField, $"the id '{RowRules.Shorten(csv.FieldText(idField))}' appears more than once; each id must have exactly one row.");
            seen[row] = true;
            layout.ReadPrediction(cells, fields, row, prediction, predictionClass, text);
        }

        if (csv.RowsRead <= 1) throw csv.RejectFile("the file has a header but no rows.");
        if (extra > 0)
            throw new SubmissionRejectedException(file, firstExtraLine, config.IdColumn,
                $"{Count(extra, "id")} of your file {(extra == 1 ? "is" : "are")} not in the test set, for example {string.Join(", ", extraExamples)}.");
        ReportMissing(seen, labels.Ids, file, config.IdColumn);

        return new ScoringData
        {
            Rows = rows,
            Truth = labels.Truth,
            TruthClass = labels.TruthClass,
            TruthMasks = labels.TruthMasks,
            Prediction = prediction,
            PredictionClass = predictionClass,
            PredictionMasks = text,
            Width = layout.Width,
            PredictionWidth = layout.PredictionWidth,
        };
    }

    // Ids are public, so naming the missing ones helps the competitor without revealing any label.
    private static void ReportMissing(bool[] seen, IdIndex ids, string file, string idColumn)
    {
        var missing = 0;
        var examples = new StringBuilder();
        for (var row = 0; row < seen.Length; row++)
        {
            if (seen[row]) continue;
            if (missing++ < Examples)
                examples.Append(missing == 1 ? "" : ", ").Append('\'').Append(RowRules.Shorten(ids.Id(row))).Append('\'');
        }

        if (missing == 0) return;
        throw new SubmissionRejectedException(file, 0, idColumn,
            $"{Count(missing, "id")} of the test set {(missing == 1 ? "is" : "are")} missing from your file, for example {examples}.");
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
