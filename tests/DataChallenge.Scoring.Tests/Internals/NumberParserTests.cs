using System.Globalization;
using System.Text;
using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring.Tests.Internals;

public sealed class NumberParserTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("0.066988")]
    [InlineData("0.1")]
    [InlineData("+0.5")]
    [InlineData("-12.25")]
    [InlineData("12345678")]
    [InlineData("123456789")]
    [InlineData("0.12345678901234567890123")]
    [InlineData("98765432109876543210")]
    [InlineData("00000000000000000000000000001.5")]
    [InlineData("0.000000000000000000000000001234")]
    [InlineData("1e-5")]
    [InlineData("2.5E+10")]
    [InlineData("9007199254740993")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("4.9e-324")]
    [InlineData(".5")]
    [InlineData("5.")]
    public void TryParse_GivesTheRuntimesCorrectlyRoundedValue_WhenTheTextIsANumber(string text)
    {
        Assert.True(NumberParser.TryParse(Encoding.ASCII.GetBytes(text), out var value));

        Assert.Equal(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("1e")]
    [InlineData("NaN")]
    [InlineData("inf")]
    [InlineData("0,5")]
    [InlineData("1e400")]
    [InlineData("12345678:")]
    [InlineData("1234567/9")]
    public void TryParse_Refuses_WhenTheTextIsNotAFiniteNumber(string text)
    {
        Assert.False(NumberParser.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    /// <summary>
    /// Random decimals of every length up to 24 digits, each followed by a separator or by bytes next to the digits in
    /// the ASCII table (':' and '/'), where a reader of eight bytes at a time could go wrong.
    /// </summary>
    [Fact]
    public void ParsePrefix_AgreesWithTheRuntime_OnRandomDecimalsAndStopsAtTheFirstNonDigit()
    {
        var random = new Random(20261201);
        byte[] ends = [(byte)',', (byte)'\n', (byte)':', (byte)'/', (byte)'\r'];
        for (var n = 0; n < 200_000; n++)
        {
            var text = new StringBuilder();
            if (random.Next(4) == 0) text.Append(random.Next(2) == 0 ? '-' : '+');
            var integerDigits = random.Next(0, 12);
            for (var d = 0; d < integerDigits; d++) text.Append((char)('0' + random.Next(10)));
            var fractionDigits = integerDigits == 0 ? random.Next(1, 20) : random.Next(0, 20);
            if (fractionDigits > 0 || random.Next(2) == 0) text.Append('.');
            for (var d = 0; d < fractionDigits; d++) text.Append((char)('0' + random.Next(10)));
            if (random.Next(5) == 0) text.Append('e').Append(random.Next(-30, 30));
            var number = text.ToString();
            var bytes = Encoding.ASCII.GetBytes(number + (char)ends[random.Next(ends.Length)] + "12345678");

            var end = NumberParser.ParsePrefix(bytes, 0, out var value);

            Assert.Equal(number.Length, end);
            Assert.Equal(double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture), value);
        }
    }

    [Theory]
    [InlineData("0.066988", true)]
    [InlineData("-15.507", true)]
    [InlineData("1234567.1234567", true)]
    [InlineData("-0.0", true)]
    [InlineData("0.5", true)]
    [InlineData("-0.25", true)]
    [InlineData("0.1234567", true)]
    [InlineData("0.0000001", true)]
    [InlineData("00.5", true)]
    [InlineData("0.", false)]
    [InlineData("0.5e3", false)]
    [InlineData("0.e3", false)]
    [InlineData("12345678.5", false)]
    [InlineData("0.12345678", false)]
    [InlineData("1.5e3", false)]
    [InlineData("1.5E3", false)]
    [InlineData("+1.5", false)]
    [InlineData("15", false)]
    [InlineData(".5", false)]
    [InlineData("5.", false)]
    public void TryParseShortDecimal_ReadsOnlyItsShape_AndThenAsTheRuntimeDoes(string text, bool taken)
    {
        var bytes = Encoding.ASCII.GetBytes(text + ",0.5,0.5,0.5,0.5,0.5");

        Assert.Equal(taken, NumberParser.TryParseShortDecimal(bytes, 0, out var value, out var end));
        if (!taken) return;
        Assert.Equal(text.Length, end);
        Assert.Equal(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), value);
        Assert.Equal(double.IsNegative(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)), double.IsNegative(value));
    }

    [Fact]
    public void TryParseShortDecimal_DeclinesWithoutReading_WhenFewerThanSeventeenBytesFollow()
    {
        Assert.False(NumberParser.TryParseShortDecimal("0.066988,0.12345"u8, 0, out _, out var end));
        Assert.Equal(0, end);
        Assert.True(NumberParser.TryParseShortDecimal("0.066988,0.123456"u8, 0, out _, out _));
    }

    /// <summary>Random short decimals: whatever the shortcut takes, it reads exactly as the runtime does.</summary>
    [Fact]
    public void TryParseShortDecimal_AgreesWithTheRuntime_OnRandomShortDecimals()
    {
        var random = new Random(1201);
        var taken = 0;
        for (var n = 0; n < 200_000; n++)
        {
            var text = new StringBuilder();
            if (random.Next(3) == 0) text.Append('-');
            // A quarter are probabilities' shape, "0." and a fraction, which has a path of its own.
            var integerDigits = random.Next(4) == 0 ? 0 : random.Next(1, 9);
            if (integerDigits == 0) text.Append('0');
            for (var d = 0; d < integerDigits; d++) text.Append((char)('0' + random.Next(10)));
            text.Append('.');
            var fractionDigits = random.Next(1, 9);
            for (var d = 0; d < fractionDigits; d++) text.Append((char)('0' + random.Next(10)));
            var number = text.ToString();
            var bytes = Encoding.ASCII.GetBytes(number + ":/,\n9876543210123456");

            if (!NumberParser.TryParseShortDecimal(bytes, 0, out var value, out var end)) continue;
            taken++;
            Assert.Equal(number.Length, end);
            Assert.Equal(double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture), value);
        }

        Assert.InRange(taken, 100_000, 200_000);
    }
}
