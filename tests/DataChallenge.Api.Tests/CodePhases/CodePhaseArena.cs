using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Api.Tests.Jobs;
using DataChallenge.Core.Persistence;
using DataChallenge.Core.Submissions;
using DataChallenge.Hosting.Messaging;
using DataChallenge.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DataChallenge.Api.Tests.CodePhases;

/// <summary>
/// A code phase with labels, hidden inputs and smoke data, and one competing team. Without a worker, the tests publish
/// what a code-run worker would, through the bus test harness, and read the commands the api sent; with one, every role
/// runs in one process on the in-memory bus and the folder store, and code really runs in the bubblewrap sandbox.
/// </summary>
public sealed class CodePhaseArena : IAsyncDisposable
{
    public const string HiddenInputName = "person_secret_cohort.csv";
    public const long MaxArchiveBytes = 64 * 1024;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public FakeQueueMonitor Queues { get; } = new();
    public ServerFactory Server { get; }
    public ApiSession Organiser { get; private set; } = null!;
    public ApiSession Competitor { get; private set; } = null!;
    public Guid PhaseId { get; private set; }

    private CodePhaseArena(bool withWorker)
    {
        // A real run renews its lease on the clock, so the whole server keeps the system clock.
        Server = withWorker ? new ServerFactory() : new ServerFactory
        {
            ConfigureServices = services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddMassTransitTestHarness();
                services.AddSingleton<IQueueMonitor>(Queues);
            },
        };
        Server.Settings["Roles"] = withWorker ? "api,worker,leaderboard" : "api,leaderboard";
    }

    /// <param name="withWorker">Run the worker role too, so submitted code runs for real.</param>
    public static async Task<CodePhaseArena> StartAsync(bool withWorker = false)
    {
        var arena = new CodePhaseArena(withWorker);
        arena.Organiser = await ApiSession.RegisterAsync(arena.Server.CreateClient());
        var slug = await arena.Organiser.CreateChallengeAsync();
        arena.PhaseId = await arena.Organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, opensAt: arena.Clock.GetUtcNow().AddDays(-1));
        await arena.Organiser.UploadLabelsAsync(arena.PhaseId, SampleFiles.Labels());
        await Ensure(await arena.Organiser.Client.PutAsJsonAsync($"/api/phases/{arena.PhaseId}/code",
            new { runtime = "python", maxArchiveBytes = MaxArchiveBytes, runMinutesPerDay = 2, smokeRunsPerDay = 3 }));
        await Ensure(await arena.Organiser.Client.PutAsync($"/api/phases/{arena.PhaseId}/hidden-inputs",
            ZipContent(Zip((HiddenInputName, HiddenInputs())))));
        await Ensure(await arena.Organiser.Client.PutAsync($"/api/phases/{arena.PhaseId}/smoke-data",
            ZipContent(Zip(("person.csv", "person_id,age\n900,30\n")))));
        arena.Competitor = await ApiSession.RegisterAsync(arena.Server.CreateClient());
        await arena.Competitor.JoinAsync(slug);
        return arena;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    /// <summary>One row per labelled id, whose feature <c>x</c> is the label itself: a program predicting x scores a ROC AUC of 1.</summary>
    public static string HiddenInputs()
        => "id,x\n" + string.Concat(SampleFiles.Labels().Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => string.Join(',', l.Split(',')[..2]) + "\n"));

    public ITestHarness Harness => Server.Services.GetTestHarness();

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        return buffer.ToArray();
    }

    public static byte[] GoodSubmission() => Zip(("main.py", "open('/output/predictions.csv','w').write('id,score\\n')\n"));

    public static ByteArrayContent ZipContent(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return content;
    }

    public Task<HttpResponseMessage> SubmitAsync(byte[] zip, bool smoke = false)
        => Competitor.Client.PostAsync($"/api/phases/{PhaseId}/submissions?fileName=code.zip{(smoke ? "&smoke=true" : "")}", ZipContent(zip));

    public async Task<Guid> SubmitAcceptedAsync(byte[] zip, bool smoke = false)
    {
        var response = await SubmitAsync(zip, smoke);
        await ApiSession.EnsureAsync(response, "submit code", System.Net.HttpStatusCode.Accepted);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<Submission> ReadAsync(Guid id)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DataChallengeDbContext>().Submissions.AsNoTracking().FirstAsync(s => s.Id == id);
    }

    /// <summary>Publishes what a worker would and waits until the leaderboard role recorded it.</summary>
    public async Task<Submission> PublishAsync<T>(T message, Guid id, Func<Submission, bool> recorded) where T : class
    {
        await Harness.Bus.Publish(message);
        for (var i = 0; i < 100 && !recorded(await ReadAsync(id)); i++) await Task.Delay(50);
        return await ReadAsync(id);
    }

    private static Task Ensure(HttpResponseMessage response) => ApiSession.EnsureAsync(response, "set up the code phase", System.Net.HttpStatusCode.OK);
}
