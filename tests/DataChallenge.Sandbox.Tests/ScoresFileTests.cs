using System.Text;
using DataChallenge.Sandbox;

namespace DataChallenge.Sandbox.Tests;

public sealed class ScoresFileTests
{
    private static readonly string[] Metrics = ["dice", "recall"];

    [Fact]
    public void Parse_ReturnsEveryMetric_WhenTheObjectIsFlatAndComplete()
    {
        var scores = ScoresFile.Parse("""{"dice": 0.8125, "recall": 1e-3}"""u8, Metrics);

        Assert.Equal(0.8125, scores["dice"]);
        Assert.Equal(0.001, scores["recall"]);
    }

    [Theory]
    [InlineData("""{"dice": "0.8", "recall": 1}""", "finite number")]
    [InlineData("""{"dice": null, "recall": 1}""", "finite number")]
    [InlineData("""{"dice": {"value": 1}, "recall": 1}""", "")]
    [InlineData("""{"dice": 1, "recall": 1, "precision": 1}""", "precision")]
    [InlineData("""{"dice": 1}""", "lacks")]
    [InlineData("""{"dice": 1, "dice": 2, "recall": 1}""", "twice")]
    [InlineData("""[1, 2]""", "one JSON object")]
    [InlineData("""{"dice": 1, "recall": 1} {}""", "")]
    [InlineData("""{"dice": NaN, "recall": 1}""", "")]
    [InlineData("not json", "")]
    public void Parse_Refuses_WhenTheContentBreaksARule(string json, string expected)
    {
        var error = Assert.Throws<ProgramOutputException>(() => ScoresFile.Parse(Encoding.UTF8.GetBytes(json), Metrics));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Parse_Refuses_WhenTheFileIsTooLarge()
    {
        var json = "{\"dice\": 1, \"recall\": 1" + new string(' ', ScoresFile.MaxBytes) + "}";

        var error = Assert.Throws<ProgramOutputException>(() => ScoresFile.Parse(Encoding.UTF8.GetBytes(json), Metrics));

        Assert.Contains("larger than", error.Message);
    }

    [Fact]
    public void Read_Refuses_WhenScoresJsonIsALink()
    {
        var folder = Directory.CreateTempSubdirectory("datachallenge-scores-").FullName;
        try
        {
            var target = Path.Combine(folder, "elsewhere.json");
            File.WriteAllText(target, """{"dice": 1, "recall": 1}""");
            File.CreateSymbolicLink(Path.Combine(folder, ScoresFile.FileName), target);

            var error = Assert.Throws<ProgramOutputException>(() => ScoresFile.Read(folder, Metrics));

            Assert.Contains("link", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Read_Refuses_WhenTheProgramWroteNothing()
    {
        var folder = Directory.CreateTempSubdirectory("datachallenge-scores-").FullName;
        try
        {
            Assert.Contains("no scores.json", Assert.Throws<ProgramOutputException>(() => ScoresFile.Read(folder, Metrics)).Message);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
