using System.Globalization;

namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Parses decimal or scientific numbers from UTF-8, refusing what the input rules refuse (NaN, infinities, decimal
/// commas, empty fields, text). Short numbers take an exact fast path; the rest go to the runtime's correctly rounded parser.
/// </summary>
internal static class NumberParser
{
    // Constant data read in place: no static field to look up on every number.
    private static ReadOnlySpan<double> PowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    public static bool TryParse(ReadOnlySpan<byte> text, out double value) => ParsePrefix(text, 0, out value) == text.Length;

    /// <summary>
    /// Parses the longest number starting at <paramref name="i"/> and moves past it; the caller checks what follows.
    /// Lets a reader parse a field while finding its end, instead of scanning it twice.
    /// </summary>
    public static bool TryParsePrefix(ReadOnlySpan<byte> text, ref int i, out double value)
    {
        var end = ParsePrefix(text, i, out value);
        if (end < 0) return false;
        i = end;
        return true;
    }

    /// <summary>
    /// As <see cref="TryParsePrefix"/>, returning the position just past the number, or -1. The position travels by
    /// value: a reader's position passed by reference to a call it cannot inline would have to live in memory for
    /// the whole of the reader's loop.
    /// </summary>
    public static int ParsePrefix(ReadOnlySpan<byte> text, int start, out double value)
    {
        value = 0;
        var i = start;
        var negative = false;
        if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }

        ulong mantissa = 0;
        var exponent = 0;
        var digitsStart = i;
        var exact = true;
        for (; i < text.Length && IsDigit(text[i]); i++)
        {
            if (mantissa < 100_000_000_000_000_000UL) mantissa = (mantissa * 10) + (uint)(text[i] - '0');
            else
            {
                exponent++;
                exact = false;
            }
        }

        var digits = i - digitsStart;
        if (i < text.Length && text[i] == (byte)'.')
        {
            var fractionStart = ++i;
            for (; i < text.Length && IsDigit(text[i]); i++)
            {
                if (mantissa < 100_000_000_000_000_000UL)
                {
                    mantissa = (mantissa * 10) + (uint)(text[i] - '0');
                    exponent--;
                }
                else exact = false;
            }

            digits += i - fractionStart;
        }

        if (digits == 0) return -1;
        if (i < text.Length && (text[i] == (byte)'e' || text[i] == (byte)'E'))
        {
            i++;
            var exponentNegative = false;
            if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
            {
                exponentNegative = text[i] == (byte)'-';
                i++;
            }

            var explicitExponent = 0;
            var exponentStart = i;
            for (; i < text.Length && IsDigit(text[i]); i++)
            {
                if (explicitExponent < 100_000) explicitExponent = (explicitExponent * 10) + (text[i] - '0');
            }

            if (i == exponentStart) return -1;
            exponent += exponentNegative ? -explicitExponent : explicitExponent;
        }

        // Clinger's fast path: both operands are exact doubles, so one IEEE operation rounds correctly.
        if (exact && mantissa <= (1UL << 53) && exponent is >= -22 and <= 22)
        {
            value = exponent < 0 ? mantissa / PowersOfTen[-exponent] : mantissa * PowersOfTen[exponent];
            if (negative) value = -value;
            return i;
        }

        return double.TryParse(text[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) ? i : -1;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
