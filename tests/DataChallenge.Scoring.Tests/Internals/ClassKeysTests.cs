using System.Text;
using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring.Tests.Internals;

public sealed class ClassKeysTests
{
    [Theory]
    [InlineData("c1", 1)]
    [InlineData("c10", 2)]
    [InlineData("c", -1)]
    [InlineData("c100", -1)]
    [InlineData("C1", -1)]
    [InlineData("eightbyt", 3)]
    [InlineData("eightbyte", -1)]
    [InlineData("a", 4)]
    [InlineData("a\0", 5)]
    [InlineData("", -1)]
    public void Find_MatchesExactBytesOnly_WhenEveryNameFitsEightBytes(string field, int expected)
    {
        var keys = Keys("c0", "c1", "c10", "eightbyt", "a", "a\0");

        Assert.Equal(expected, keys.Find(Encoding.UTF8.GetBytes(field)));
    }

    [Theory]
    [InlineData("short", 0)]
    [InlineData("a-much-longer-name", 1)]
    [InlineData("a-much-longer-nam", -1)]
    [InlineData("shorts", -1)]
    public void Find_MatchesExactBytesOnly_WhenANameIsLongerThanEightBytes(string field, int expected)
    {
        var keys = Keys("short", "a-much-longer-name");

        Assert.Equal(expected, keys.Find(Encoding.UTF8.GetBytes(field)));
    }

    [Fact]
    public void Find_AgreesWithAByteComparison_OnRandomShortNamesAndFields()
    {
        var random = new Random(5);
        var names = Enumerable.Range(0, 12).Select(_ => RandomBytes(random, 8)).Distinct(new BytesComparer()).ToArray();
        var keys = new ClassKeys(names);
        for (var i = 0; i < 20_000; i++)
        {
            var field = random.Next(2) == 0 ? names[random.Next(names.Length)] : RandomBytes(random, 10);
            var expected = Array.FindIndex(names, n => n.AsSpan().SequenceEqual(field));

            Assert.Equal(expected, keys.Find(field));
        }
    }

    private static ClassKeys Keys(params string[] names) => new([.. names.Select(Encoding.UTF8.GetBytes)]);

    // Short names over a tiny alphabet, zero bytes included, so that near misses are common.
    private static byte[] RandomBytes(Random random, int maxLength)
        => [.. Enumerable.Range(0, random.Next(0, maxLength + 1)).Select(_ => (byte)random.Next(3))];

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
