using System.Text;
using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Internals;

/// <summary>Reads a Kaggle run-length mask field; an empty field is an empty mask.</summary>
internal static class MaskReader
{
    public static RleMask Read(CellReader cells, int field, long pixelCount)
    {
        var bytes = cells.Csv.Field(field);
        if (bytes.IsEmpty) return RleMask.Empty;
        try
        {
            return RleMask.Parse(Encoding.UTF8.GetString(bytes), pixelCount);
        }
        catch (FormatException e)
        {
            // The parser's reason quotes pixel numbers, which in the labels file are hidden values.
            throw cells.Csv.Reject(field, cells.Hidden
                ? "the run-length mask is malformed: it must be pairs of start pixel and run length, sorted, not overlapping, inside the image."
                : $"the run-length mask is malformed: {e.Message}.");
        }
    }
}
