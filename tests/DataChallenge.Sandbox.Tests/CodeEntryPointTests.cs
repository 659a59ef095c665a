namespace DataChallenge.Sandbox.Tests;

public sealed class CodeEntryPointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("datachallenge-entry-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Resolve_RunsMainPy_WhenThereIsNoSubmissionYaml()
    {
        File.WriteAllText(Path.Combine(_folder, "main.py"), "print(1)");

        Assert.Equal("python3 main.py", CodeEntryPoint.Resolve(_folder));
    }

    [Fact]
    public void Resolve_RunsTheCommand_WhenSubmissionYamlNamesOne()
    {
        File.WriteAllText(Path.Combine(_folder, "main.py"), "print(1)");
        File.WriteAllText(Path.Combine(_folder, "submission.yaml"), "# baseline\nname: baseline\ncommand: \"python3 src/predict.py --fast\"\n");

        Assert.Equal("python3 src/predict.py --fast", CodeEntryPoint.Resolve(_folder));
    }

    [Fact]
    public void Resolve_RunsMainPy_WhenSubmissionYamlHasNoCommand()
    {
        File.WriteAllText(Path.Combine(_folder, "main.py"), "print(1)");
        File.WriteAllText(Path.Combine(_folder, "submission.yaml"), "name: baseline\n");

        Assert.Equal("python3 main.py", CodeEntryPoint.Resolve(_folder));
    }

    [Fact]
    public void Resolve_IsRefusedWithTheWayOut_WhenThereIsNeitherMainPyNorACommand()
    {
        File.WriteAllText(Path.Combine(_folder, "predict.py"), "print(1)");

        var refused = Assert.Throws<CodeEntryPointException>(() => CodeEntryPoint.Resolve(_folder));

        Assert.Contains("no main.py", refused.Message);
        Assert.Contains("'command:' in a submission.yaml", refused.Message);
    }

    [Fact]
    public void Resolve_IsRefused_WhenTheCommandIsEmpty()
    {
        File.WriteAllText(Path.Combine(_folder, "submission.yaml"), "command: ''\n");

        Assert.Throws<CodeEntryPointException>(() => CodeEntryPoint.Resolve(_folder));
    }
}
