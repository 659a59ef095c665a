using System.Security.Cryptography;
using System.Text;
using DataChallenge.Contracts;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Sandbox;
using DataChallenge.Worker.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Worker.CodeRuns;

/// <summary>
/// Runs a competitor's archive in the sandbox on a phase's inputs: unpacks it safely into a job that has no labels
/// folder at all, downloads the inputs (hidden bucket for a real run, public bucket for a smoke run), runs the entry
/// point within the phase's limits, and stores the capped log and the predictions file it wrote.
/// </summary>
public sealed class CodeRun([FromKeyedServices(ObjectStoreRoles.Worker)] IObjectStore store, IOptions<ObjectStoreOptions> storeOptions,
    WorkerSandbox workerSandbox, ILogger<CodeRun> logger)
{
    private const string Subject = "Your program";

    /// <summary>Storage errors propagate so the bus retries; everything else becomes an outcome.</summary>
    public async Task<CodeRunOutcome> RunAsync(RunCodeSubmission message, string worker, CancellationToken cancellationToken)
    {
        var sandbox = workerSandbox.Get(out var unavailable);
        if (sandbox is null)
            return new CodeRunOutcome.Failed($"Code cannot run on this worker: {unavailable} Competitors' code is never run without a sandbox.");
        var options = workerSandbox.Options;
        var identity = await RuntimeIdentity.OfAsync(sandbox, options, message.Runtime, cancellationToken);
        if (identity is null) return new CodeRunOutcome.Failed($"The runtime '{message.Runtime}' is not available in this worker's {sandbox.Name} sandbox.");

        var buckets = storeOptions.Value.Buckets;
        using var job = ProgramJob.CreateForCode(options.ResolvedWorkRoot);
        string archiveSha256, command;
        try
        {
            archiveSha256 = await UnpackAsync(buckets.Submissions, message.ArchiveKey, job, cancellationToken);
            command = CodeEntryPoint.Resolve(job.ProgramFolder);
        }
        catch (UnsafeArchiveException e)
        {
            return new CodeRunOutcome.Rejected("Your archive was refused: " + e.Message);
        }
        catch (CodeEntryPointException e)
        {
            return new CodeRunOutcome.Rejected(e.Message);
        }

        if (!await CodeRunInputs.DownloadAsync(store, message.Smoke ? buckets.PublicData : buckets.HiddenLabels, message.InputsPrefix, job.InputFolder,
                cancellationToken))
            return new CodeRunOutcome.Failed($"The inputs under '{message.InputsPrefix}' hold a key that is not a plain relative path.");

        logger.LogInformation("Running code of submission {SubmissionId} (attempt {Attempt}, smoke {Smoke}) in {Sandbox}",
            message.SubmissionId, message.Attempt, message.Smoke, sandbox.Name);
        ProgramRun run;
        try
        {
            run = await sandbox.RunAsync(job, command, message.Runtime, LimitsOf(message.Limits, options.Limits), cancellationToken);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new CodeRunOutcome.Failed($"The {sandbox.Name} sandbox could not be started: {e.Message}");
        }

        workerSandbox.WarnOnceIfWeakened(run);
        if (run.Exit == ProgramExit.NotStarted) return new CodeRunOutcome.Failed($"The {sandbox.Name} sandbox did not start the program: {run.Stderr}");
        var (predictions, summary) = Collect(job, run, message);
        await store.PutBytesAsync(buckets.Submissions, message.LogKey, LogOf(run, summary), "text/plain", cancellationToken);
        if (predictions is not null) await store.PutBytesAsync(buckets.Submissions, message.PredictionsKey, predictions, "text/csv", cancellationToken);

        return new CodeRunOutcome.Ran(predictions is not null, summary, new CodeRunProvenance
        {
            ArchiveSha256 = archiveSha256, Runtime = message.Runtime, RuntimeIdentity = identity, InputsVersion = message.InputsVersion,
            LabelsVersion = message.Scoring?.LabelsVersion, Limits = message.Limits, DurationMilliseconds = run.Elapsed.TotalMilliseconds,
            PeakMemoryBytes = run.PeakMemoryBytes, Worker = worker,
            PredictionsSha256 = predictions is null ? null : Convert.ToHexStringLower(SHA256.HashData(predictions)),
        });
    }

    /// <summary>The phase's limits over the worker's defaults; no single file may outgrow the output folder.</summary>
    public static SandboxLimits LimitsOf(CodeRunLimits phase, SandboxLimits defaults) => defaults with
    {
        WallClock = TimeSpan.FromSeconds(phase.WallClockSeconds), CpuSeconds = phase.CpuSeconds, MemoryBytes = phase.MemoryBytes,
        MaxProcesses = phase.MaxProcesses, OutputFolderBytes = phase.OutputBytes, MaxFileBytes = Math.Min(defaults.MaxFileBytes, phase.OutputBytes),
    };

    // The predictions count only when the program exited normally; the summary names the file and the limits, never its content.
    private static (byte[]? Predictions, string Summary) Collect(ProgramJob job, ProgramRun run, RunCodeSubmission message)
    {
        var ended = run.Describe(Subject);
        if (!run.Succeeded) return (null, ended);
        try
        {
            var bytes = ProgramOutputFile.TryRead(Path.Combine(job.OutputFolder, message.PredictionsFile), message.Limits.OutputBytes);
            return bytes is null
                ? (null, $"{ended[..^1]} but wrote no {message.PredictionsFile} in {ProgramJob.OutputMount}.")
                : (bytes, $"{ended[..^1]} and wrote {message.PredictionsFile} ({bytes.Length} bytes) in {run.Elapsed.TotalSeconds:0.#} s.");
        }
        catch (ProgramOutputException e)
        {
            return (null, $"{ended[..^1]} but its {message.PredictionsFile} cannot be used: {e.Message}");
        }
    }

    private static byte[] LogOf(ProgramRun run, string summary)
        => Encoding.UTF8.GetBytes($"{summary}\n--- stdout ---\n{run.Stdout}\n--- stderr ---\n{run.Stderr}\n");

    /// <returns>The SHA-256 of the archive as stored: what the provenance names.</returns>
    private async Task<string> UnpackAsync(string bucket, string key, ProgramJob job, CancellationToken cancellationToken)
    {
        var archive = Path.Combine(job.Root, "code.zip");
        await store.DownloadAsync(bucket, key, archive, cancellationToken);
        await using var zip = File.OpenRead(archive);
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(zip, cancellationToken));
        zip.Position = 0;
        SafeArchive.Extract(zip, job.ProgramFolder, new ArchiveLimits());
        return sha256;
    }
}
