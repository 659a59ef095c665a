namespace DataChallenge.Scoring.Internals;

/// <summary>Rules every data row of either file obeys.</summary>
internal static class RowRules
{
    public static void CheckFieldCount(CsvReader csv, int columns)
    {
        if (csv.FieldCount == columns) return;
        throw new SubmissionRejectedException(csv.File, csv.RowLine, null,
            $"this row has {csv.FieldCount} {(csv.FieldCount == 1 ? "field" : "fields")} but the header has {columns}; every row needs one field per column.");
    }

    public static string Shorten(string id) => id.Length > 60 ? id[..60] + "…" : id;
}
