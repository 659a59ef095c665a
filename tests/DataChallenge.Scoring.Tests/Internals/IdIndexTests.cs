using System.Text;
using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring.Tests.Internals;

public sealed class IdIndexTests
{
    [Fact]
    public void Find_ReturnsInsertionIndex_WhenIdsAreDenseIntegers()
    {
        var index = Build(Enumerable.Range(0, 5000).Reverse().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(0, index.Find("4999"u8));
        Assert.Equal(4999, index.Find("0"u8));
        Assert.Equal(-1, index.Find("5000"u8));
        Assert.Equal("4999", index.Id(0));
    }

    [Theory]
    [InlineData("007")]
    [InlineData("+7")]
    [InlineData("7 ")]
    [InlineData("seven")]
    [InlineData("")]
    public void Find_ComparesText_WhenAnIdSpellsTheSameIntegerDifferently(string other)
    {
        var index = Build(["5", "7", "9"]);

        Assert.Equal(-1, index.Find(Encoding.UTF8.GetBytes(other)));
        Assert.Equal(1, index.Find("7"u8));
    }

    [Fact]
    public void Add_KeepsEveryEarlierId_WhenATextIdArrivesAfterIntegers()
    {
        var ids = Enumerable.Range(1, 3000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("alpha").Append("Alpha").ToList();

        var index = Build(ids);

        for (var i = 0; i < ids.Count; i++) Assert.Equal(i, index.Find(Encoding.UTF8.GetBytes(ids[i])));
        Assert.Equal(-1, index.Find("ALPHA"u8));
        Assert.Equal(-1, index.Find("0001"u8));
    }

    [Fact]
    public void Add_FallsBackToHashing_WhenIntegersAreSparse()
    {
        var ids = Enumerable.Range(0, 2000).Select(i => (i * 1_000_003L + 99_999_999_999L).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var index = Build(ids);

        Assert.Equal(1234, index.Find(Encoding.UTF8.GetBytes(ids[1234])));
        Assert.Equal(-1, index.Find("99999999999999"u8));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("x-12")]
    public void Add_ReturnsTheEarlierIndex_WhenAnIdRepeats(string repeated)
    {
        var index = new IdIndex();
        Assert.Equal(-1, index.Add("3"u8));
        Assert.Equal(-1, index.Add(Encoding.UTF8.GetBytes(repeated)));
        Assert.Equal(-1, index.Add("4"u8));

        Assert.Equal(1, index.Add(Encoding.UTF8.GetBytes(repeated)));
        Assert.Equal(3, index.Count);
    }

    private static IdIndex Build(IEnumerable<string> ids)
    {
        var index = new IdIndex();
        foreach (var id in ids) Assert.Equal(-1, index.Add(Encoding.UTF8.GetBytes(id)));
        return index;
    }
}
