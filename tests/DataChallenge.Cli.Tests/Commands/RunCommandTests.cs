using System.CommandLine;
using DataChallenge.Cli.Commands;
using DataChallenge.Testing;

namespace DataChallenge.Cli.Tests.Commands;

/// <summary><c>datachallenge run --code DIR --data DIR</c>: the submission runs locally in the workers' sandbox.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("datachallenge-run-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Run_WritesPredictionsAndShowsTheLog_WhenTheCodeReadsTheSmokeData()
    {
        Bubblewrap.Require();
        var code = Folder("code", ("main.py", """
            import csv, os
            rows = list(csv.DictReader(open("/app/input/person.csv")))
            print("read %d persons" % len(rows))
            with open("/app/output/predictions.csv", "w") as out:
                out.write("person_id,score\n" + "".join("%s,0.5\n" % r["person_id"] for r in rows))
            """));
        var data = Folder("smoke", ("person.csv", "person_id\n900\n901\n902\n"));
        var output = Path.Combine(_folder.FullName, "out");

        var (exit, stdout, error) = Invoke("run", "--code", code, "--data", data, "--output", output);

        Assert.True(exit == 0, error + stdout);
        Assert.Contains("read 3 persons", stdout, StringComparison.Ordinal);
        var landed = Path.Combine(output, "predictions.csv");
        Assert.Contains(landed, stdout, StringComparison.Ordinal);
        Assert.Equal("person_id,score\n900,0.5\n901,0.5\n902,0.5\n", File.ReadAllText(landed));
    }

    [Fact]
    public void Run_Returns2AndShowsTheError_WhenTheCodeWritesNoPredictions()
    {
        Bubblewrap.Require();
        var code = Folder("code", ("main.py", "import sys\nprint('model not found', file=sys.stderr)\nsys.exit(3)\n"));
        var data = Folder("smoke", ("person.csv", "person_id\n900\n"));

        var (exit, stdout, error) = Invoke("run", "--code", code, "--data", data, "--output", _folder.FullName);

        Assert.Equal(2, exit);
        Assert.Contains("model not found", stdout, StringComparison.Ordinal);
        Assert.Contains("No predictions.csv", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "predictions.csv")));
    }

    [Fact]
    public void Run_SaysHowToInstallBubblewrap_WhenItIsMissing()
    {
        var code = Folder("code", ("main.py", "print('never runs')\n"));
        var data = Folder("smoke", ("person.csv", "person_id\n900\n"));

        var (exit, stdout, error) = Invoke("run", "--code", code, "--data", data, "--bwrap", Path.Combine(_folder.FullName, "no-bwrap"));

        Assert.Equal(1, exit);
        Assert.Contains("apt-get install bubblewrap", error, StringComparison.Ordinal);
        Assert.DoesNotContain("never runs", stdout, StringComparison.Ordinal);
    }

    private string Folder(string name, params (string Name, string Content)[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.FullName, name));
        foreach (var (file, content) in files) File.WriteAllText(Path.Combine(folder.FullName, file), content);
        return folder.FullName;
    }

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(RunCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandRunner.Run(root, args, new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
