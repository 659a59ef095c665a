using DataChallenge.Sandbox;

namespace DataChallenge.Sandbox.Tests;

public sealed class ProgramConfigTests
{
    [Fact]
    public void Parse_ReadsEveryField_WhenTheDocumentIsComplete()
    {
        var config = ProgramConfig.Parse("""
            {"program": {"archive": "v3", "command": "python3 score.py", "runtime": "python", "metrics": ["dice", "recall"],
             "primary_metric": "dice", "higher_is_better": false, "split_column": "Usage"}}
            """);

        Assert.Equal("v3", config.Archive);
        Assert.Equal("python3 score.py", config.Command);
        Assert.Equal(["dice", "recall"], config.Metrics);
        Assert.False(config.HigherIsBetter);
        Assert.Equal("Usage", config.SplitColumn);
        Assert.Equal("phases/00000000000000000000000000000001/program/v3.zip", config.ArchiveKey(new Guid("00000000-0000-0000-0000-000000000001")));
    }

    [Fact]
    public void ToJson_RoundTrips_WhenParsedAgain()
    {
        var config = new ProgramConfig { Archive = "v2", Command = "sh run.sh", Runtime = "python", Metrics = ["a"], PrimaryMetric = "a" };

        Assert.Equal(config with { Metrics = config.Metrics }, ProgramConfig.Parse(config.ToJson()) with { Metrics = config.Metrics });
        Assert.Equal(["a"], ProgramConfig.Parse(config.ToJson()).Metrics);
    }

    [Theory]
    [InlineData("""{"program": {"command": "x", "runtime": "python", "metrics": ["a"], "primary_metric": "b"}}""", "primary metric")]
    [InlineData("""{"program": {"command": "x", "runtime": "python", "metrics": ["a"], "primary_metric": "a", "image": "evil"}}""", "Unknown key 'image'")]
    [InlineData("""{"program": {"command": "x", "runtime": "../usr", "metrics": ["a"], "primary_metric": "a"}}""", "'runtime'")]
    [InlineData("""{"program": {"archive": "../v1", "command": "x", "runtime": "python", "metrics": ["a"], "primary_metric": "a"}}""", "'archive'")]
    [InlineData("""{"program": {"command": "", "runtime": "python", "metrics": ["a"], "primary_metric": "a"}}""", "'command'")]
    [InlineData("""{"program": {"command": "x", "runtime": "python", "metrics": ["a b"], "primary_metric": "a b"}}""", "metric name")]
    [InlineData("""{"program": {"command": "x", "runtime": "python", "metrics": [], "primary_metric": "a"}}""", "1 to 50")]
    [InlineData("""{"program": {"command": "x", "runtime": "python", "metrics": ["a"], "primary_metric": "a"}, "task_type": "binary"}""", "only the 'program' key")]
    [InlineData("""{"task_type": "binary"}""", "'program' key")]
    public void Parse_Refuses_WhenTheDocumentIsWrong(string json, string expected)
    {
        var error = Assert.Throws<ProgramConfigException>(() => ProgramConfig.Parse(json));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("""{"program": {}}""", true)]
    [InlineData("""{"task_type": "binary_proba"}""", false)]
    [InlineData("not json", false)]
    public void IsProgram_TellsProgramsFromBuiltIns_WhenGivenAnyDocument(string json, bool expected)
        => Assert.Equal(expected, ProgramConfig.IsProgram(json));
}
