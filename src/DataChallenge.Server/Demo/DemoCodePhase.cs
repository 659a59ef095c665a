using System.Text;
using DataChallenge.Api.Features.CodePhases;
using DataChallenge.Api.Features.PublicData;
using DataChallenge.Api.Features.Submissions;
using DataChallenge.Api.Http;
using DataChallenge.Core.Challenges;
using DataChallenge.Core.CodePhases;
using DataChallenge.Core.Persistence;
using DataChallenge.Hosting.ObjectStorage;
using Microsoft.EntityFrameworkCore;

namespace DataChallenge.Server.Demo;

/// <summary>
/// The demo challenge's code phase: the same task, but competitors send code that runs next to the hidden OMOP tables
/// of the test admissions. Its data goes in through the same stores as an organiser's uploads, and the baseline team's
/// starting kit goes in through the same intake as a competitor's zip, so the worker runs and scores it.
/// </summary>
internal static class DemoCodePhase
{
    public const string Name = "Code phase";

    public static async Task SeedAsync(IServiceProvider services, Challenge challenge, DemoData data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DataChallengeDbContext>();
        var code = new CodePhaseSettings { Runtime = "python", WallClockSeconds = 120, RunMinutesPerDay = 30, SmokeRunsPerDay = 20, MaxArchiveBytes = 10L * 1024 * 1024 };
        var phase = new Phase
        {
            ChallengeId = challenge.Id, Name = Name, OpensAt = now.AddDays(-7), ClosesAt = now.AddDays(60),
            ScoringConfig = data.ScoringConfigJson, MaxFileBytes = code.MaxArchiveBytes, LabelsVersion = 1, Code = code,
        };
        db.Phases.Add(phase);

        var store = services.GetRequiredService<IObjectStore>();
        var buckets = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ObjectStoreOptions>>().Value.Buckets;
        await using (var labels = await SpoolAsync(Encoding.UTF8.GetBytes(data.HiddenLabelsCsv), cancellationToken))
            await store.PutAsync(buckets.HiddenLabels, phase.LabelsKey, labels.File, labels.Length, "text/csv", cancellationToken);
        var codeData = services.GetRequiredService<CodeDataStore>();
        await using (var inputs = await SpoolAsync(data.Code.HiddenInputsZip, cancellationToken))
            await codeData.StoreAsync(codeData.HiddenBucket, CodePhaseSettings.InputsPrefix(phase.Id, 1), inputs, cancellationToken);
        await using (var smoke = await SpoolAsync(data.Code.SmokeDataZip, cancellationToken))
        {
            await codeData.StoreAsync(codeData.PublicBucket, CodePhaseSettings.SmokePrefix(phase.Id, 1), smoke, cancellationToken);
            await codeData.PutSmokeArchiveAsync(phase.Id, 1, smoke, cancellationToken);
        }
        code.InputsVersion = 1;
        code.SmokeDataVersion = 1;
        await db.SaveChangesAsync(cancellationToken);

        await using (var kit = await SpoolAsync(data.Code.StartingKitZip, cancellationToken))
            await services.GetRequiredService<PublicFileStore>().SaveAsync(challenge.Id, DemoStartingKit.FileName,
                $"Starting kit of the {Name.ToLowerInvariant()}: main.py loads model.json and writes predictions.csv. Zip it back with your model and submit it.",
                kit, cancellationToken);

        // The baseline team sends the starting kit as it is, so the code phase's board has a first entry; where code
        // cannot run, the phase's page says why instead.
        if (!services.GetRequiredService<CodeRunHost>().CanRun) return;
        var baseline = await db.Participants.Where(p => p.ChallengeId == challenge.Id).OrderBy(p => p.JoinedAt).FirstAsync(cancellationToken);
        await using var upload = await SpoolAsync(data.Code.StartingKitZip, cancellationToken);
        await services.GetRequiredService<SubmissionIntake>().AcceptAsync(phase, baseline.TeamId, baseline.UserId, upload, DemoStartingKit.FileName,
            null, now, cancellationToken);
    }

    private static Task<SpooledUpload> SpoolAsync(byte[] content, CancellationToken cancellationToken)
        => SpooledUpload.ReceiveAsync(new MemoryStream(content), long.MaxValue, cancellationToken);
}
