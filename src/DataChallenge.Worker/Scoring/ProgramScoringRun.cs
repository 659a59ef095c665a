using DataChallenge.Contracts;
using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataChallenge.Worker.Scoring;

/// <summary>
/// Scores a submission with the organiser's program: unpacks the archive safely, lays out a Codabench-style job
/// folder, runs the program in the configured sandbox once per split (with only that split's labels) and reads each
/// run's scores.json strictly. Each run's log and detailed results go to the hidden bucket for the organisers.
/// </summary>
public sealed class ProgramScoringRun([FromKeyedServices(ObjectStoreRoles.Worker)] IObjectStore store, IOptions<ObjectStoreOptions> storeOptions, WorkerSandbox workerSandbox,
    ILogger<ProgramScoringRun> logger)
{
    public const string LabelsFileName = "labels.csv";
    public const string PredictionsFileName = "predictions.csv";
    public const string DetailedResultsFileName = "detailed_results.html";
    private const long MaxDetailedResultsBytes = 10L * 1024 * 1024;
    private const int MaxReasonLength = 8000;

    /// <summary>Storage errors propagate so the bus retries; everything the organiser can fix becomes a failure.</summary>
    /// <param name="beforeLabelsRead">Called once, just before the hidden labels are opened.</param>
    public async Task<ScoringOutcome> ScoreAsync(ScoreSubmission message, Func<Task> beforeLabelsRead, CancellationToken cancellationToken)
    {
        ProgramConfig config;
        try
        {
            config = ProgramConfig.Parse(message.ScoringConfig);
        }
        catch (ProgramConfigException e)
        {
            return Fail($"The phase's scoring configuration is invalid: {e.Message}");
        }

        var sandbox = workerSandbox.Get(out var unavailable);
        if (sandbox is null)
            return Fail($"Scoring programs cannot run on this worker: {unavailable} Organiser code is never run without a sandbox.");

        var options = workerSandbox.Options;
        var buckets = storeOptions.Value.Buckets;
        using var job = ProgramJob.Create(options.ResolvedWorkRoot);
        try
        {
            if (!await store.ExistsAsync(buckets.HiddenLabels, config.ArchiveKey(message.PhaseId), cancellationToken))
                return Fail($"The scoring program archive {config.Archive} was not uploaded.");
            await UnpackAsync(config.ArchiveKey(message.PhaseId), job, cancellationToken);
            await DownloadAsync(buckets.Submissions, message.PredictionsKey, Path.Combine(job.ResultFolder, PredictionsFileName), cancellationToken);
            await beforeLabelsRead();
            var splits = await LabelsBySplitAsync(message.LabelsKey, config.SplitColumn, job, cancellationToken);

            var scores = new List<MetricScore>();
            foreach (var (split, labelsPath) in splits)
            {
                File.Copy(labelsPath, Path.Combine(job.ReferenceFolder, LabelsFileName), overwrite: true);
                job.ResetOutput();
                logger.LogInformation("Running scoring program {Archive} in {Sandbox} for submission {SubmissionId}, split {Split}",
                    config.Archive, sandbox.Name, message.SubmissionId, split);
                var run = await sandbox.RunAsync(job, config.Command, config.Runtime, options.Limits, cancellationToken);
                workerSandbox.WarnOnceIfWeakened(run);
                await KeepForOrganisersAsync(message, split, job, run, cancellationToken);
                if (!run.Succeeded)
                    return Fail($"Split {split}: {run.Describe()}", $"--- stderr ---\n{run.Stderr}\n--- stdout ---\n{run.Stdout}");
                foreach (var (metric, value) in ScoresFile.Read(job.OutputFolder, config.Metrics))
                    scores.Add(new MetricScore(split, metric, value, null));
            }

            return new ScoringOutcome.Scored(config.PrimaryMetric, config.HigherIsBetter, scores, "program " + config.Archive, EstimateInterval: false);
        }
        catch (UnsafeArchiveException e)
        {
            return Fail($"The scoring program archive {config.Archive} was refused: {e.Message}");
        }
        catch (LabelsSplitException e)
        {
            return Fail("The hidden labels could not be split: " + e.Message);
        }
        catch (ProgramOutputException e)
        {
            // The message may quote what the program wrote (a metric name, say): organiser-only.
            return Fail("The scoring program's output is unusable.", e.Message);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // The sandbox's own tool (bwrap, docker) could not be started: a worker set-up problem, never worth a retry.
            return Fail($"The {sandbox.Name} sandbox could not be started: {e.Message}");
        }
    }

    private async Task UnpackAsync(string key, ProgramJob job, CancellationToken cancellationToken)
    {
        var archive = Path.Combine(job.Root, "program.zip");
        await DownloadAsync(storeOptions.Value.Buckets.HiddenLabels, key, archive, cancellationToken);
        await using (var zip = File.OpenRead(archive))
            SafeArchive.Extract(zip, job.ProgramFolder, new ArchiveLimits());
        File.Delete(archive);
    }

    private async Task<IReadOnlyList<(string Split, string Path)>> LabelsBySplitAsync(string labelsKey, string? splitColumn, ProgramJob job,
        CancellationToken cancellationToken)
    {
        var labels = Path.Combine(job.Root, "labels-all.csv");
        await DownloadAsync(storeOptions.Value.Buckets.HiddenLabels, labelsKey, labels, cancellationToken);
        if (splitColumn is null) return [("all", labels)];
        await using var stream = File.OpenRead(labels);
        return LabelSplitter.Split(stream, splitColumn, Path.Combine(job.Root, "splits")).Select(p => (p.Key, p.Value)).ToList();
    }

    private Task DownloadAsync(string bucket, string key, string path, CancellationToken cancellationToken)
        => store.DownloadAsync(bucket, key, path, cancellationToken);

    // The log and the detailed results are the organiser's to read; they live on the hidden side of the store. A copy of
    // the detailed results small enough for a browser goes where the api may serve it, always under a script-free policy.
    private async Task KeepForOrganisersAsync(ScoreSubmission message, string split, ProgramJob job, ProgramRun run, CancellationToken cancellationToken)
    {
        var prefix = $"phases/{message.PhaseId:N}/program/results/{message.SubmissionId:N}/a{message.Attempt}/{split}/";
        var bucket = storeOptions.Value.Buckets.HiddenLabels;
        var detailed = ReadDetailedResults(job);
        var note = detailed is not null && detailed.LongLength > DetailedResultsKeys.MaxBytes
            ? $"--- {DetailedResultsFileName} is {detailed.Length} bytes, over the {DetailedResultsKeys.MaxBytes} bytes the console shows: not shown there ---\n"
            : "";
        var log = System.Text.Encoding.UTF8.GetBytes($"{run.Describe()}\n{note}--- stdout ---\n{run.Stdout}\n--- stderr ---\n{run.Stderr}\n");
        await store.PutBytesAsync(bucket, prefix + "log.txt", log, "text/plain", cancellationToken);
        if (detailed is null) return;

        await store.PutBytesAsync(bucket, prefix + DetailedResultsFileName, detailed, "text/html", cancellationToken);
        if (note.Length > 0)
        {
            logger.LogWarning("Detailed results of submission {SubmissionId}, split {Split}, are {Bytes} bytes: not copied for the console",
                message.SubmissionId, split, detailed.Length);
            return;
        }
        await store.PutBytesAsync(storeOptions.Value.Buckets.Submissions, DetailedResultsKeys.For(message.PhaseId, message.SubmissionId, message.Attempt, split),
            detailed, "text/html", cancellationToken);
    }

    private static byte[]? ReadDetailedResults(ProgramJob job)
    {
        try
        {
            return ProgramOutputFile.TryRead(Path.Combine(job.OutputFolder, DetailedResultsFileName), MaxDetailedResultsBytes);
        }
        catch (ProgramOutputException)
        {
            // A link, FIFO, device or oversized file is not kept; the scores decide whether the run counts.
            return null;
        }
    }

    private static ScoringOutcome.Failed Fail(string reason, string? programOutput = null)
        => new(Shorten(reason), programOutput is null ? null : Shorten(programOutput));

    private static string Shorten(string text) => text.Length > MaxReasonLength ? text[..MaxReasonLength] + "…" : text;
}
