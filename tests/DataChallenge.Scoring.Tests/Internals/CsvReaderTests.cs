using System.Text;
using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring.Tests.Internals;

public sealed class CsvReaderTests
{
    public static TheoryData<string> Inputs => new()
    {
        "id,v\n1,0.5\n2,0.25\n",
        "\uFEFFid , v \r\n\"a\" ,\t\"b,c\"\r\n\"x\"\"y\",\"multi\nline\"\r\n",
        "id,v\n\"q\"  ,  7 \n\"\",\"\"\nlast,row",
        "h\n\"a\"\"\"\"b\"\n\n\n",
        "id,v\r\n1,2\r\n \r\n\t\r\n",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void ReadRow_GivesTheSameRowsAndLines_WhenRowsCrossBufferRefills(string input)
    {
        var expected = ReadAll(input, 1 << 16);

        for (var size = 1; size < 40; size++) Assert.Equal(expected, ReadAll(input, size));
    }

    [Fact]
    public void ReadRow_UnescapesAndTrims_WhenFieldsAreQuotedOrPadded()
    {
        var rows = ReadAll("\uFEFF id , v \r\n\"a\"\"b\" ,\t\"c,\nd\"\r\n", 1 << 16);

        Assert.Equal(["1: id|v", "2: a\"b|c,\nd"], rows);
    }

    [Theory]
    [InlineData("a,b\n\"open,1\n2,3\n", 2, "never closed")]
    [InlineData("a,b\n1,x\"y\n", 2, "quote inside an unquoted field")]
    [InlineData("a,b\n1,\"y\"z\n", 2, "after a closing quote")]
    [InlineData("a,b\n1,2\r3,4\n", 2, "carriage return")]
    [InlineData("a,b\n1,2\n\n3,4\n", 3, "blank")]
    public void ReadRow_RejectsAtTheLine_WhenTheFileBreaksQuotingOrLineRules(string input, long line, string rule)
    {
        for (var size = 1; size < 24; size++)
        {
            var error = Assert.Throws<SubmissionRejectedException>(() => ReadAll(input, size));

            Assert.Equal(line, error.Line);
            Assert.Contains(rule, error.Rule, StringComparison.Ordinal);
        }
    }

    private static List<string> ReadAll(string input, int bufferSize)
    {
        var csv = new CsvReader(new MemoryStream(Encoding.UTF8.GetBytes(input)), "f", TestContext.Current.CancellationToken, bufferSize);
        var rows = new List<string>();
        while (csv.ReadRow())
        {
            var fields = Enumerable.Range(0, csv.FieldCount).Select(csv.FieldText);
            rows.Add($"{csv.RowLine}: {string.Join('|', fields)}");
        }

        return rows;
    }
}
