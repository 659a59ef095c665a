using System.Globalization;

namespace DataChallenge.Scoring.Metrics;

/// <summary>
/// A binary mask in Kaggle run-length encoding ("start length start length …", pixels numbered from 1), kept as
/// sorted, non-overlapping runs so that metrics never decode it to pixels.
/// </summary>
internal sealed class RleMask
{
    private static readonly long[] NoRuns = [];

    /// <summary>First pixel of each run (1-based), ascending.</summary>
    private readonly long[] _starts;

    /// <summary>One past the last pixel of each run.</summary>
    private readonly long[] _ends;

    private RleMask(long[] starts, long[] ends, long area)
    {
        _starts = starts;
        _ends = ends;
        Area = area;
    }

    public static RleMask Empty { get; } = new(NoRuns, NoRuns, 0);

    /// <summary>Number of pixels set.</summary>
    public long Area { get; }

    public int RunCount => _starts.Length;

    /// <summary>Parses the text; empty or blank text is the empty mask.</summary>
    /// <exception cref="FormatException">The text breaks a rule; the message says which, in plain words.</exception>
    public static RleMask Parse(ReadOnlySpan<char> text, long pixelCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pixelCount);
        text = text.Trim();
        if (text.IsEmpty)
        {
            return Empty;
        }

        var values = CountValues(text);
        if (values % 2 != 0)
        {
            // Report a malformed number first: it explains an odd count better than the count does.
            ParseAll(text, values, pixelCount, checkRuns: false);
            throw new FormatException($"the mask has an odd number of values ({values}); it must be pairs of start pixel and run length");
        }

        return ParseAll(text, values, pixelCount, checkRuns: true);
    }

    /// <summary>Pixels set in both masks: a merge of the two sorted run lists.</summary>
    public long IntersectionArea(RleMask other)
    {
        ArgumentNullException.ThrowIfNull(other);
        long shared = 0;
        int i = 0, j = 0;
        while (i < _starts.Length && j < other._starts.Length)
        {
            var low = Math.Max(_starts[i], other._starts[j]);
            var high = Math.Min(_ends[i], other._ends[j]);
            if (high > low)
            {
                shared += high - low;
            }

            if (_ends[i] < other._ends[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    private static int CountValues(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inValue = false;
        foreach (var c in text)
        {
            var separator = c == ' ';
            if (!separator && !inValue)
            {
                count++;
            }

            inValue = !separator;
        }

        return count;
    }

    private static RleMask ParseAll(ReadOnlySpan<char> text, int values, long pixelCount, bool checkRuns)
    {
        var runs = values / 2;
        var starts = new long[runs];
        var ends = new long[runs];
        long area = 0;
        var index = 0;
        long start = 0;
        foreach (var range in text.Split(' '))
        {
            var token = text[range];
            if (token.IsEmpty)
            {
                continue;
            }

            if (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw new FormatException(token.ContainsAnyExceptInRange('0', '9')
                    ? $"'{token}' is not a whole number (value {index + 1} of the mask)"
                    : $"'{token}' is too large to be a pixel number (value {index + 1} of the mask)");
            }

            if (index % 2 == 0)
            {
                start = number;
            }
            else if (checkRuns)
            {
                var run = index / 2;
                var end = CheckRun(run, start, number, pixelCount, run == 0 ? 0 : starts[run - 1], run == 0 ? 1 : ends[run - 1]);
                starts[run] = start;
                ends[run] = end;
                area += number;
            }

            index++;
        }

        return new RleMask(starts, ends, area);
    }

    /// <summary>Validates run <paramref name="run"/> (0-based) and returns its exclusive end.</summary>
    private static long CheckRun(int run, long start, long length, long pixelCount, long previousStart, long previousEnd)
    {
        var name = run + 1;
        if (start < 1)
        {
            throw new FormatException($"run {name} starts at pixel {start}, but pixels are numbered from 1");
        }

        if (length < 1)
        {
            throw new FormatException($"run {name} has length 0; every run must cover at least one pixel");
        }

        if (start > pixelCount || length > pixelCount - start + 1)
        {
            var outside = Math.Max(start, pixelCount + 1);
            throw new FormatException($"run {name} reaches pixel {outside}, which is outside the image (it has {pixelCount} pixels)");
        }

        if (run > 0 && start < previousStart)
        {
            throw new FormatException($"runs must be sorted by start pixel: run {name} starts at {start}, before run {run} (which starts at {previousStart})");
        }

        if (start < previousEnd)
        {
            throw new FormatException($"runs must not overlap: run {name} starts at {start}, before the end of run {run} (pixels {previousStart} to {previousEnd - 1})");
        }

        return start + length;
    }
}
