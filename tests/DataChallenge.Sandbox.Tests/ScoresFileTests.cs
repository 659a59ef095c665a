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
    public async Task Read_RefusesWithoutBlocking_WhenScoresJsonIsAFifo()
    {
        var folder = Directory.CreateTempSubdirectory("datachallenge-scores-").FullName;
        var fifo = Path.Combine(folder, ScoresFile.FileName);
        Task? reading = null;
        try
        {
            using (var mkfifo = System.Diagnostics.Process.Start("/usr/bin/mkfifo", [fifo]))
                await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);

            // A reader that opens the pipe waits for a writer that never comes: the worker would hang here.
            var read = Task.Run(() => ScoresFile.Read(folder, Metrics), TestContext.Current.CancellationToken);
            reading = read;
            var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));

            Assert.True(finished == read, "reading scores.json blocked on a FIFO");
            var error = await Assert.ThrowsAsync<ProgramOutputException>(() => read);
            Assert.Contains("regular file", error.Message);
        }
        finally
        {
            // Release a blocked reader, if any, so the test process does not keep a stuck thread.
            if (reading is { IsCompleted: false }) await using (var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write)) { }
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
