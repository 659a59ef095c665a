using System.Text;
using DataChallenge.Sandbox;

namespace DataChallenge.Sandbox.Tests;

public sealed class LabelSplitterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "datachallenge-split-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Split_WritesOneFilePerSplitWithoutTheColumn_WhenValuesArePublicAndPrivate()
    {
        const string labels = "id,Usage,label\r\n1,Public,a\r\n2,Private,\"b,\"\"quoted\"\"\nline\"\r\n3,Public,c\r\n";

        var splits = Split(labels, "Usage");

        Assert.Equal(["public", "private"], splits.Keys);
        Assert.Equal("id,label\n1,a\n3,c\n", File.ReadAllText(splits["public"]));
        Assert.Equal("id,label\n2,\"b,\"\"quoted\"\"\nline\"\n", File.ReadAllText(splits["private"]));
    }

    [Fact]
    public void Split_Refuses_WhenASplitValueIsUnknown()
    {
        var error = Assert.Throws<LabelsSplitException>(() => Split("id,Usage\n1,Public\n2,Ignored\n", "Usage"));

        Assert.Contains("Row 3", error.Message);
    }

    [Fact]
    public void Split_Refuses_WhenTheColumnIsMissing()
        => Assert.Contains("no column 'Usage'", Assert.Throws<LabelsSplitException>(() => Split("id,label\n1,a\n", "Usage")).Message);

    [Fact]
    public void Split_Refuses_WhenARowIsRagged()
        => Assert.Contains("2 fields", Assert.Throws<LabelsSplitException>(() => Split("id,label,Usage\n1,Public\n", "Usage")).Message);

    private IReadOnlyDictionary<string, string> Split(string labels, string column)
        => LabelSplitter.Split(new MemoryStream(Encoding.UTF8.GetBytes(labels)), column, _folder);
}
