using System.CommandLine;
using DataChallenge.Cli.Remote;
using DataChallenge.Sandbox;

namespace DataChallenge.Cli.Commands;

/// <summary>
/// <c>datachallenge run --code DIR --data DIR</c>: runs a code submission on this machine in the sandbox and runtime the
/// workers use (bubblewrap, no network, the same mounts and limits), so a run that works here works online.
/// </summary>
internal static class RunCommand
{
    private const string PredictionsFile = "predictions.csv";

    public static Command Create()
    {
        var code = new Option<DirectoryInfo>("--code") { Description = "The submission's folder (main.py, or submission.yaml with a command).", Required = true }
            .AcceptExistingOnly();
        var data = new Option<DirectoryInfo>("--data") { Description = "The input folder, e.g. the phase's smoke data unzipped.", Required = true }.AcceptExistingOnly();
        var runtime = new Option<string>("--runtime") { Description = "The runtime, as the phase names it.", DefaultValueFactory = _ => RuntimeIdentity.HostRuntime };
        var bubblewrap = new Option<string>("--bwrap") { Description = "Path of bubblewrap.", DefaultValueFactory = _ => new SandboxOptions().BubblewrapPath };
        var output = new Option<DirectoryInfo?>("--output") { Description = $"Where {PredictionsFile} is copied (default: the current folder)." };
        var command = new Command("run", "Run a code submission locally in the workers' sandbox and show its log and predictions file.")
        {
            code, data, runtime, output, bubblewrap,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetRequiredValue(code), parse.GetRequiredValue(data), parse.GetRequiredValue(runtime),
            parse.GetValue(output) ?? new DirectoryInfo(Environment.CurrentDirectory), new SandboxOptions { BubblewrapPath = parse.GetRequiredValue(bubblewrap) },
            parse.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DirectoryInfo code, DirectoryInfo data, string runtime, DirectoryInfo outputFolder, SandboxOptions options,
        InvocationConfiguration terminal, CancellationToken cancellationToken)
    {
        var (output, error) = (terminal.Output, terminal.Error);
        if (CodeFolder.EntryPointRefusal(code) is { } refusal)
        {
            error.WriteLine(refusal);
            return ExitCodes.Rejected;
        }
        if (!BubblewrapSandbox.IsAvailable(options, out var reason))
        {
            error.WriteLine($"Cannot run code here: {reason} Install bubblewrap (apt-get install bubblewrap): the platform's workers run code only inside it.");
            return ExitCodes.Error;
        }
        var sandbox = new BubblewrapSandbox(options);
        if (await RuntimeIdentity.OfAsync(sandbox, options, runtime, cancellationToken) is null)
        {
            error.WriteLine($"The runtime '{runtime}' is not available on this machine; the bubblewrap sandbox offers '{RuntimeIdentity.HostRuntime}'.");
            return ExitCodes.Usage;
        }

        using var job = ProgramJob.CreateForCode(options.ResolvedWorkRoot);
        // Zipped and unpacked as the worker unpacks an upload, so the archive rules are the same offline.
        var zip = CodeFolder.Zip(code);
        try
        {
            await using var archive = File.OpenRead(zip);
            SafeArchive.Extract(archive, job.ProgramFolder, new ArchiveLimits());
        }
        catch (UnsafeArchiveException e)
        {
            error.WriteLine("Your archive would be refused: " + e.Message);
            return ExitCodes.Rejected;
        }
        finally
        {
            File.Delete(zip);
        }
        CopyFolder(data, job.InputFolder);

        var run = await sandbox.RunAsync(job, CodeEntryPoint.Resolve(job.ProgramFolder), runtime, options.Limits, cancellationToken);
        output.WriteLine("--- stdout ---");
        output.WriteLine(run.Stdout);
        output.WriteLine("--- stderr ---");
        output.WriteLine(run.Stderr);
        output.WriteLine(run.Describe("Your program"));
        var written = Path.Combine(job.OutputFolder, PredictionsFile);
        if (!run.Succeeded || !File.Exists(written))
        {
            error.WriteLine($"No {PredictionsFile} to score: the program must exit with 0 after writing {ProgramJob.OutputMount}/{PredictionsFile}.");
            return ExitCodes.Rejected;
        }
        outputFolder.Create();
        var landed = Path.Combine(outputFolder.FullName, PredictionsFile);
        File.Copy(written, landed, overwrite: true);
        output.WriteLine($"{PredictionsFile} written to {landed} ({new FileInfo(landed).Length} bytes, {run.Elapsed.TotalSeconds:0.##} s).");
        return ExitCodes.Success;
    }

    private static void CopyFolder(DirectoryInfo source, string destination)
    {
        foreach (var file in source.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source.FullName, file.FullName));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            file.CopyTo(target);
        }
    }
}
