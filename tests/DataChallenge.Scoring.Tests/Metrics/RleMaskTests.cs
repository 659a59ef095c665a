using System.Text;
using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Tests.Metrics;

public class RleMaskTests
{
    [Fact]
    public void Parse_ReadsRunsAndArea_WhenTextIsValid()
    {
        var mask = RleMask.Parse("1 3 10 2", 100);
        Assert.Equal(2, mask.RunCount);
        Assert.Equal(5, mask.Area);
    }

    [Fact]
    public void Parse_AcceptsRepeatedSpaces_WhenSeparatingValues()
    {
        var mask = RleMask.Parse("  1  3   10 2 ", 100);
        Assert.Equal(5, mask.Area);
        Assert.Equal(5, mask.IntersectionArea(RleMask.Parse("1 3 10 2", 100)));
    }

    [Fact]
    public void Parse_ReturnsEmptyMask_WhenTextIsEmptyOrBlank()
    {
        Assert.Equal(0, RleMask.Parse("", 100).Area);
        Assert.Equal(0, RleMask.Parse("   ", 100).RunCount);
    }

    [Fact]
    public void Parse_AcceptsLastPixel_WhenRunEndsAtImageEnd()
    {
        Assert.Equal(10, RleMask.Parse("91 10", 100).Area);
    }

    [Theory]
    [InlineData("10 2 5 2", "runs must be sorted by start pixel: run 2 starts at 5, before run 1 (which starts at 10)")]
    [InlineData("10 5 12 2", "runs must not overlap: run 2 starts at 12, before the end of run 1 (pixels 10 to 14)")]
    [InlineData("1 2 95 10", "run 2 reaches pixel 101, which is outside the image (it has 100 pixels)")]
    [InlineData("150 1", "run 1 reaches pixel 150, which is outside the image (it has 100 pixels)")]
    [InlineData("1 0", "run 1 has length 0; every run must cover at least one pixel")]
    [InlineData("0 3", "run 1 starts at pixel 0, but pixels are numbered from 1")]
    [InlineData("1 2 3", "the mask has an odd number of values (3); it must be pairs of start pixel and run length")]
    [InlineData("1 2 x 4", "'x' is not a whole number (value 3 of the mask)")]
    [InlineData("1.5 2", "'1.5' is not a whole number (value 1 of the mask)")]
    [InlineData("-1 2", "'-1' is not a whole number (value 1 of the mask)")]
    [InlineData("1 2 x", "'x' is not a whole number (value 3 of the mask)")]
    [InlineData("1 99999999999999999999", "'99999999999999999999' is too large to be a pixel number (value 2 of the mask)")]
    public void Parse_ThrowsPlainReason_WhenTextIsInvalid(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => RleMask.Parse(text, 100));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void IntersectionArea_IsZero_WhenRunsOnlyTouch()
    {
        Assert.Equal(0, RleMask.Parse("1 5", 100).IntersectionArea(RleMask.Parse("6 5", 100)));
    }

    [Fact]
    public void IntersectionArea_CountsSharedPixels_WhenRunsInterleave()
    {
        // {1..10} ∩ ({3,4} ∪ {7} ∪ {9..13}) = {3,4,7,9,10}
        var a = RleMask.Parse("1 10", 100);
        var b = RleMask.Parse("3 2 7 1 9 5", 100);
        Assert.Equal(5, a.IntersectionArea(b));
        Assert.Equal(5, b.IntersectionArea(a));
    }

    [Fact]
    public void IntersectionArea_EqualsPixelCount_WhenMasksAreRandom()
    {
        var random = new Random(23);
        for (var trial = 0; trial < 200; trial++)
        {
            const int pixels = 64;
            var a = RandomPixels(random, pixels);
            var b = RandomPixels(random, pixels);
            var expected = 0;
            for (var p = 0; p < pixels; p++)
            {
                expected += a[p] && b[p] ? 1 : 0;
            }

            var maskA = RleMask.Parse(Encode(a), pixels);
            var maskB = RleMask.Parse(Encode(b), pixels);
            Assert.Equal(expected, maskA.IntersectionArea(maskB));
            Assert.Equal(a.Count(x => x), maskA.Area);
        }
    }

    internal static bool[] RandomPixels(Random random, int pixels)
    {
        var set = new bool[pixels];
        var on = random.Next(2) == 0;
        for (var p = 0; p < pixels; p++)
        {
            if (random.Next(5) == 0)
            {
                on = !on;
            }

            set[p] = on;
        }

        return set;
    }

    /// <summary>Reference encoder, pixel by pixel.</summary>
    internal static string Encode(bool[] pixels)
    {
        var text = new StringBuilder();
        for (var p = 0; p < pixels.Length; p++)
        {
            if (pixels[p] && (p == 0 || !pixels[p - 1]))
            {
                var length = 0;
                while (p + length < pixels.Length && pixels[p + length])
                {
                    length++;
                }

                text.Append(text.Length == 0 ? "" : " ").Append(p + 1).Append(' ').Append(length);
            }
        }

        return text.ToString();
    }
}
