using DataChallenge.Hosting.ObjectStorage;
using DataChallenge.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataChallenge.Worker.Scoring;

/// <summary>One pass of the scoring library over fresh reads of a prediction file and its hidden labels.</summary>
public sealed class ScoringRun([FromKeyedServices(ObjectStoreRoles.Worker)] IObjectStore store, IOptions<ObjectStoreOptions> storeOptions)
{
    public const string LabelsFileName = "hidden labels";
    public const string PredictionsFileName = "your file";

    /// <summary>
    /// Storage errors propagate: the bus retries, then parks the message in its _error queue, and the re-dispatch job
    /// tries again later. They are never the competitor's fault.
    /// </summary>
    public async Task<ScoreReport> ScoreAsync(string labelsKey, string predictionsKey, ScoringConfig config, ScoreOptions options, CancellationToken cancellationToken)
    {
        var buckets = storeOptions.Value.Buckets;
        await using var labels = await store.OpenReadAsync(buckets.HiddenLabels, labelsKey, cancellationToken);
        await using var predictions = await store.OpenReadAsync(buckets.Submissions, predictionsKey, cancellationToken);
        var named = options with { LabelsFileName = LabelsFileName, PredictionsFileName = PredictionsFileName };
        // Scoring is long CPU work: a thread of its own keeps the shared pool free for requests and the bus.
        return await Task.Factory.StartNew(() => Scorer.Score(labels, predictions, config, named, cancellationToken),
            cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }
}
