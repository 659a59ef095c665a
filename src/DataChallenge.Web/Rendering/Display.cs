using System.Globalization;

namespace DataChallenge.Web.Rendering;

/// <summary>How numbers, sizes and instants are written on the pages, in the reader's culture.</summary>
public static class Display
{
    public static string Score(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.CurrentCulture) : "–";

    public static string Interval(double? lower, double? upper)
        => lower is { } l && upper is { } u ? $"[{Score(l)} ; {Score(u)}]" : "";

    /// <summary>A score at the phase's precision: more digits than the organisers publish would leak what rounding hides.</summary>
    public static string Score(double? value, int decimals)
        => value is { } v ? v.ToString("F" + Math.Clamp(decimals, 0, 15), CultureInfo.CurrentCulture) : "–";

    public static string Interval(double? lower, double? upper, int decimals)
        => lower is { } l && upper is { } u ? $"[{Score(l, decimals)} ; {Score(u, decimals)}]" : "";

    /// <summary>Instants are shown in UTC, the deadline's zone, so every reader sees the same time.</summary>
    public static string Instant(DateTimeOffset? value)
        => value is { } v ? v.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "–";

    /// <summary>A value as the sortable columns read it back: invariant, full precision, empty when missing.</summary>
    public static string SortKey(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    public static string Iso(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.CurrentCulture) + " KB",
        < 1024L * 1024 * 1024 => (bytes / 1024.0 / 1024).ToString("0.#", CultureInfo.CurrentCulture) + " MB",
        _ => (bytes / 1024.0 / 1024 / 1024).ToString("0.##", CultureInfo.CurrentCulture) + " GB",
    };
}
