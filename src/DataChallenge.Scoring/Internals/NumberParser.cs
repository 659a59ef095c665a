using System.Globalization;

namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Parses decimal or scientific numbers from UTF-8, refusing what the input rules refuse (NaN, infinities, decimal
/// commas, empty fields, text). Short numbers take an exact fast path; the rest go to the runtime's correctly rounded parser.
/// </summary>
internal static class NumberParser
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        var end = 0;
        return TryParsePrefix(text, ref end, out value) && end == text.Length;
    }

    /// <summary>
    /// Parses the longest number starting at <paramref name="i"/> and moves past it; the caller checks what follows.
    /// Lets a reader parse a field while finding its end, instead of scanning it twice.
    /// </summary>
    public static bool TryParsePrefix(ReadOnlySpan<byte> text, ref int i, out double value)
    {
        value = 0;
        var start = i;
        var negative = false;
        if (i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-'))
        {
            negative = text[i] == (byte)'-';
            i++;
        }

        ulong mantissa = 0;
        var exponent = 0;
        var digits = 0;
        var exact = true;
        for (; i < text.Length && IsDigit(text[i]); i++, digits++)
        {
            if (mantissa < 100_000_000_000_000_000UL) mantissa = mantissa * 10 + (uint)(text[i] - '0');
            else
            {
                exponent++;
                exact = false;
            }
        }

        if (i < text.Length && text[i] == (byte)'.')
        {
            for (i++; i < text.Length && IsDigit(text[i]); i++, digits++)
            {
                if (mantissa < 100_000_000_000_000_000UL)
                {
                    mantissa = mantissa * 10 + (uint)(text[i] - '0');
                    exponent--;
                }
                else exact = false;
            }
        }

        if (digits == 0) return false;
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
            var exponentDigits = 0;
            for (; i < text.Length && IsDigit(text[i]); i++, exponentDigits++)
            {
                if (explicitExponent < 100_000) explicitExponent = explicitExponent * 10 + (text[i] - '0');
            }

            if (exponentDigits == 0) return false;
            exponent += exponentNegative ? -explicitExponent : explicitExponent;
        }

        // Clinger's fast path: both operands are exact doubles, so one IEEE operation rounds correctly.
        if (exact && mantissa <= (1UL << 53) && exponent is >= -22 and <= 22)
        {
            value = exponent < 0 ? mantissa / PowersOfTen[-exponent] : mantissa * PowersOfTen[exponent];
            if (negative) value = -value;
            return true;
        }

        return double.TryParse(text[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
