namespace DataChallenge.Scoring.Internals;

/// <summary>Placeholder for run-length masks until the mask parser is available.</summary>
internal static class MaskReader
{
    public static object? Read(CellReader cells, int field, long pixelCount)
        => throw cells.Csv.Reject(field, $"run-length masks of {pixelCount} pixels are not supported yet.");
}
