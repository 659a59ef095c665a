using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        var exact = true;
        var digitsStart = i;
        i = ScanDigits(text, i, ref mantissa, ref exact);
        var digits = i - digitsStart;
        var exponent = 0;
        if (i < text.Length && text[i] == (byte)'.')
        {
            var fractionStart = ++i;
            i = ScanDigits(text, i, ref mantissa, ref exact);
            exponent = fractionStart - i;
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

    /// <summary>
    /// The commonest shape of value, an optional minus, one to seven digits, a point and one to seven digits ("0.066988",
    /// "-15.507"), read with two eight-byte loads and one division, which is exact: both operands are exact doubles.
    /// False, with nothing read, for any other shape or when fewer than 17 bytes follow; <see cref="ParsePrefix"/> then reads it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseShortDecimal(ReadOnlySpan<byte> text, int start, out double value, out int end)
    {
        value = 0;
        end = start;
        var i = start;
        if ((uint)i >= (uint)text.Length) return false;
        var negative = text[i] == (byte)'-';
        if (negative) i++;
        if (i > text.Length - 17) return false;

        ref var first = ref MemoryMarshal.GetReference(text);
        ulong integerValue;
        int fractionStart;

        // "0." starts nearly every probability: then the integer part needs no reading.
        if (Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref first, i)) == ('.' << 8 | '0'))
        {
            integerValue = 0;
            fractionStart = i + 2;
        }
        else
        {
            var integer = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, i)) ^ 0x3030_3030_3030_3030UL;
            var integerDigits = DigitRun(integer);
            if (integerDigits is 0 or 8 || Unsafe.Add(ref first, i + integerDigits) != (byte)'.') return false;
            integerValue = EightDigits(integer << (8 * (8 - integerDigits)));
            fractionStart = i + integerDigits + 1;
        }

        var fraction = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, fractionStart)) ^ 0x3030_3030_3030_3030UL;
        var fractionDigits = DigitRun(fraction);
        if (fractionDigits is 0 or 8 || (Unsafe.Add(ref first, fractionStart + fractionDigits) | 0x20) == (byte)'e') return false;

        // Below 10^14, so the signed conversion, a single instruction, is exact too.
        var mantissa = (long)((integerValue * PowersOfTenInteger[fractionDigits]) + EightDigits(fraction << (8 * (8 - fractionDigits))));
        value = mantissa / PowersOfTen[fractionDigits];
        if (negative) value = -value;
        end = fractionStart + fractionDigits;
        return true;
    }

    /// <summary>How many of eight bytes, each already minus '0', are digits before the first that is not (8 when all are).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int DigitRun(ulong bytesMinusZero)
    {
        // A byte is a digit when it and it plus 6 both stay below 16. A carry out of a non-digit byte only reaches
        // later bytes, past the first non-digit, so the lowest flagged byte is where the run ends.
        var nonDigit = (bytesMinusZero | (bytesMinusZero + 0x0606_0606_0606_0606UL)) & 0xF0F0_F0F0_F0F0_F0F0UL;
        return nonDigit == 0 ? 8 : BitOperations.TrailingZeroCount(nonDigit) >> 3;
    }

    /// <summary>
    /// Moves past a run of digits, appending them to <paramref name="mantissa"/> while it stays exact; past that the
    /// digits are only skipped and <paramref name="exact"/> turns false (the runtime's parser then reads the number).
    /// Eight bytes are examined at a time where the text allows: most values are short decimals, read in one step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanDigits(ReadOnlySpan<byte> text, int i, ref ulong mantissa, ref bool exact)
    {
        ref var first = ref MemoryMarshal.GetReference(text);
        while (i <= text.Length - 8)
        {
            // Each byte minus '0': for digits, the exclusive or is the subtraction.
            var x = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, i)) ^ 0x3030_3030_3030_3030UL;
            var count = DigitRun(x);
            if (count == 0) return i;

            // Below 10^11, ten to the eighth times the mantissa plus eight digits still fits in 64 bits.
            if (mantissa < 100_000_000_000UL) mantissa = (mantissa * PowersOfTenInteger[count]) + EightDigits(x << (8 * (8 - count)));
            else exact = false;
            i += count;
            if (count < 8) return i;
        }

        for (; i < text.Length && IsDigit(text[i]); i++)
        {
            if (mantissa < 100_000_000_000_000_000UL) mantissa = (mantissa * 10) + (uint)(text[i] - '0');
            else exact = false;
        }

        return i;
    }

    /// <summary>The number spelled by eight digit values, one per byte, the first in the lowest byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong EightDigits(ulong digits)
    {
        digits = (digits * 10) + (digits >> 8);
        return (((digits & 0x0000_00FF_0000_00FFUL) * 0x000F_4240_0000_0064UL) + (((digits >> 16) & 0x0000_00FF_0000_00FFUL) * 0x0000_2710_0000_0001UL)) >> 32;
    }

    private static ReadOnlySpan<ulong> PowersOfTenInteger => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
