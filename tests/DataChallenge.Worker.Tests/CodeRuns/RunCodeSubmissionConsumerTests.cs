using System.Security.Cryptography;
using System.Text;
using DataChallenge.Contracts;
using DataChallenge.Sandbox;
using DataChallenge.Testing;

namespace DataChallenge.Worker.Tests.CodeRuns;

/// <summary>A competitor's code through the run-code consumer: what it publishes, sends and stores.</summary>
public sealed class RunCodeSubmissionConsumerTests : IAsyncDisposable
{
    // A baseline as a starting kit ships it: a model file in the zip, applied to every input row.
    private const string Baseline = """
        import csv, json, os
        model = json.load(open("model.json"))
        rows = list(csv.DictReader(open("/app/input/tables/person.csv")))
        with open("/app/output/predictions.csv", "w") as f:
            f.write("id,label\n")
            for r in rows:
                f.write(f"{r['person_id']},{1 if int(r['age']) >= model['threshold'] else 0}\n")
        print("scored", len(rows), "patients")
        """;

    private readonly CodeRunHarness _worker = new();
    private readonly Guid _phaseId = Guid.NewGuid();
    private readonly Guid _submissionId = Guid.NewGuid();

    public ValueTask DisposeAsync() => _worker.DisposeAsync();

    [Fact]
    public async Task Consume_StoresPredictionsAndSendsThemToScoring_WhenTheCodeWritesItsFile()
    {
        Bubblewrap.Require();
        var archive = ProgramArchives.Zip(("main.py", Baseline), ("model.json", """{"threshold": 60}"""));
        await GivenAsync(archive, smoke: false);

        await _worker.RunAsync(Command(smoke: false));

        var started = Assert.Single(_worker.Published<CodeRunStarted>());
        var finished = Assert.Single(_worker.Published<CodeRunFinished>());
        Assert.Equal(started.Worker, finished.Provenance.Worker);
        Assert.Equal($"{Environment.MachineName}:{Environment.ProcessId}", finished.Provenance.Worker);
        Assert.True(finished.Succeeded, finished.Summary);
        Assert.StartsWith("Your program exited normally and wrote predictions.csv (", finished.Summary);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(archive)), finished.Provenance.ArchiveSha256);
        Assert.Equal(await RuntimeIdentity.HostPackagesIdentityAsync(TestContext.Current.CancellationToken), finished.Provenance.RuntimeIdentity);
        Assert.Equal(3, finished.Provenance.InputsVersion);
        Assert.Equal(2, finished.Provenance.LabelsVersion);
        Assert.InRange(finished.Provenance.DurationMilliseconds, 1, 60_000);
        if (Bubblewrap.CgroupsWritable) Assert.True(finished.Provenance.PeakMemoryBytes > 0);

        const string expected = "id,label\n1,0\n2,1\n3,1\n";
        Assert.Equal(expected, await _worker.ReadAsync(_worker.Buckets.Submissions, PredictionsKey));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected))), finished.Provenance.PredictionsSha256);
        Assert.Contains("scored 3 patients", await _worker.ReadAsync(_worker.Buckets.Submissions, LogKey));
        var scoring = Assert.Single(_worker.Harness.Sent.Select<ScoreSubmission>(TestContext.Current.CancellationToken));
        Assert.Equal(PredictionsKey, scoring.Context.Message.PredictionsKey);
        Assert.EndsWith("/score-submission", scoring.Context.DestinationAddress!.AbsolutePath);
        Assert.Empty(_worker.Published<SubmissionRejected>());
        Assert.Empty(_worker.Published<SubmissionFailed>());
    }

    [Fact]
    public async Task Consume_RejectsWithoutQuotingTheProgram_WhenTheCodeWritesNoFile()
    {
        Bubblewrap.Require();
        var secret = "row-of-hidden-data-" + Guid.NewGuid().ToString("N");
        await GivenAsync(ProgramArchives.Zip(("main.py", $"import sys\nprint('{secret}')\nprint('{secret}', file=sys.stderr)\n")), smoke: false);

        await _worker.RunAsync(Command(smoke: false));

        var finished = Assert.Single(_worker.Published<CodeRunFinished>());
        Assert.False(finished.Succeeded);
        var rejected = Assert.Single(_worker.Published<SubmissionRejected>());
        Assert.Equal("Your program exited normally but wrote no predictions.csv in /app/output.", rejected.Reason);
        Assert.DoesNotContain(secret, finished.Summary);
        Assert.Empty(_worker.Sent<ScoreSubmission>());
        Assert.False(await _worker.Store.ExistsAsync(_worker.Buckets.Submissions, PredictionsKey, TestContext.Current.CancellationToken));
        // The organisers' log keeps what the program printed.
        Assert.Contains(secret, await _worker.ReadAsync(_worker.Buckets.Submissions, LogKey));
    }

    [Fact]
    public async Task Consume_StoresTheLogAndScoresNothing_WhenTheRunIsASmokeRun()
    {
        Bubblewrap.Require();
        await GivenAsync(ProgramArchives.Zip(("main.py", Baseline), ("model.json", """{"threshold": 60}""")), smoke: true);

        await _worker.RunAsync(Command(smoke: true));

        var finished = Assert.Single(_worker.Published<CodeRunFinished>());
        Assert.True(finished.Smoke);
        Assert.True(finished.Succeeded, finished.Summary);
        Assert.Equal(LogKey, finished.LogKey);
        Assert.Null(finished.Provenance.LabelsVersion);
        // The smoke data lives in the public bucket: one synthetic patient.
        Assert.Contains("scored 1 patients", await _worker.ReadAsync(_worker.Buckets.Submissions, LogKey));
        Assert.Empty(_worker.Sent<ScoreSubmission>());
        Assert.Empty(_worker.Published<SubmissionRejected>());
    }

    [Fact]
    public async Task Consume_FindsNoHiddenLabels_WhenTheCodeSearchesEverythingItCanSee()
    {
        Bubblewrap.Require();
        var probe = LabelProbe.Search(LabelsMarker) + """
            print("INPUTS", sorted(os.listdir("/app/input")))
            open("/app/output/predictions.csv", "w").write("FOUND " + ",".join(found) + "\n")
            """;
        await GivenAsync(ProgramArchives.Zip(("main.py", probe)), smoke: false);

        await _worker.RunAsync(Command(smoke: false));

        Assert.Equal("FOUND \n", await _worker.ReadAsync(_worker.Buckets.Submissions, PredictionsKey));
        Assert.Contains("INPUTS ['tables']", await _worker.ReadAsync(_worker.Buckets.Submissions, LogKey));
    }

    [Fact]
    public async Task Consume_RejectsTheArchive_WhenItHasNoEntryPoint()
    {
        Bubblewrap.Require();
        await GivenAsync(ProgramArchives.Zip(("predict.py", "print(1)")), smoke: false);

        await _worker.RunAsync(Command(smoke: false));

        var rejected = Assert.Single(_worker.Published<SubmissionRejected>());
        Assert.Contains("no main.py", rejected.Reason);
        Assert.Empty(_worker.Published<CodeRunFinished>());
        Assert.Empty(_worker.Sent<ScoreSubmission>());
    }

    [Fact]
    public async Task Consume_RejectsTheArchive_WhenAnEntryEscapesItsFolder()
    {
        Bubblewrap.Require();
        await GivenAsync(ProgramArchives.Zip(("main.py", "print(1)"), ("../../../evil.py", "print(2)")), smoke: false);

        await _worker.RunAsync(Command(smoke: false));

        var rejected = Assert.Single(_worker.Published<SubmissionRejected>());
        Assert.StartsWith("Your archive was refused: The entry '../../../evil.py' uses '..'", rejected.Reason);
        Assert.Empty(_worker.Published<CodeRunFinished>());
    }

    [Fact]
    public async Task Consume_SendsTheFileToTheProgramQueue_WhenAProgramScoresThePhase()
    {
        Bubblewrap.Require();
        await GivenAsync(ProgramArchives.Zip(("main.py", Baseline), ("model.json", """{"threshold": 60}""")), smoke: false);
        const string programConfig = """{"program": {"archive": "v1", "command": "python3 score.py", "runtime": "python", "metrics": ["a"], "primary_metric": "a"}}""";

        await _worker.RunAsync(Command(smoke: false) with { Scoring = Command(smoke: false).Scoring! with { ScoringConfig = programConfig } });

        var sent = Assert.Single(_worker.Harness.Sent.Select<ScoreSubmission>(TestContext.Current.CancellationToken));
        Assert.EndsWith("/score-program", sent.Context.DestinationAddress!.AbsolutePath);
    }

    [Fact]
    public async Task Consume_RecordsTheSameRunTwice_WhenTheCommandIsRedelivered()
    {
        Bubblewrap.Require();
        await GivenAsync(ProgramArchives.Zip(("main.py", Baseline), ("model.json", """{"threshold": 60}""")), smoke: false);

        await _worker.RunAsync(Command(smoke: false), times: 2);

        // The platform keeps the first outcome per submission and attempt; a re-run writes the same predictions.
        var finished = _worker.Published<CodeRunFinished>();
        Assert.Equal(2, finished.Count);
        Assert.All(finished, f => Assert.Equal((_submissionId, 1), (f.SubmissionId, f.Attempt)));
        Assert.Single(finished.Select(f => (f.Provenance.ArchiveSha256, f.Provenance.RuntimeIdentity, f.Provenance.PredictionsSha256)).Distinct());
        Assert.All(_worker.Sent<ScoreSubmission>(), s => Assert.Equal((_submissionId, 1), (s.SubmissionId, s.Attempt)));
    }

    [Fact]
    public async Task Consume_RenewsTheLease_WhileTheCodeRuns()
    {
        Bubblewrap.Require();
        await GivenAsync(ProgramArchives.Zip(("main.py", "import time\ntime.sleep(2)\nopen('/app/output/predictions.csv', 'w').write('id,label\\n')\n")),
            smoke: false);

        await _worker.RunAsync(Command(smoke: false));

        Assert.True(_worker.Published<SubmissionScoringRenewed>().Count(r => r.SubmissionId == _submissionId) >= 3);
        Assert.True(Assert.Single(_worker.Published<CodeRunFinished>()).Succeeded);
    }

    [Fact]
    public async Task Consume_FailsOnThePlatformSide_WhenTheWorkerHasNoSandbox()
    {
        await using var worker = new CodeRunHarness(sandboxKind: "None");
        await worker.PutAsync(worker.Buckets.Submissions, ArchiveKey, ProgramArchives.Zip(("main.py", Baseline)));

        await worker.RunAsync(Command(smoke: false));

        var failed = Assert.Single(worker.Published<SubmissionFailed>());
        Assert.Contains("never run without a sandbox", failed.Reason);
        Assert.Empty(worker.Published<SubmissionRejected>());
        Assert.Empty(worker.Published<CodeRunFinished>());
        Assert.Empty(worker.Sent<ScoreSubmission>());
    }

    private const string LabelsMarker = "label-of-a-test-patient-7f3a9c";
    private string ArchiveKey => $"submissions/{_submissionId:N}/code.zip";
    private string PredictionsKey => $"submissions/{_submissionId:N}/predictions.csv";
    private string LogKey => $"submissions/{_submissionId:N}/run-log.txt";
    private string InputsPrefix(bool smoke) => $"phases/{_phaseId:N}/{(smoke ? "smoke" : "inputs")}/v3";

    // Hidden inputs (three patients) and their labels in the hidden bucket; smoke data (one patient) in the public bucket.
    private async Task GivenAsync(byte[] archive, bool smoke)
    {
        var buckets = _worker.Buckets;
        await _worker.PutAsync(buckets.Submissions, ArchiveKey, archive);
        await _worker.PutAsync(buckets.HiddenLabels, InputsPrefix(false) + "/tables/person.csv", "person_id,age\n1,45\n2,61\n3,78\n"u8.ToArray());
        await _worker.PutAsync(buckets.HiddenLabels, $"phases/{_phaseId:N}/labels/v2.csv", Encoding.UTF8.GetBytes($"id,label\n1,{LabelsMarker}\n"));
        // A sibling version whose prefix starts the same must not be mixed in.
        await _worker.PutAsync(buckets.HiddenLabels, InputsPrefix(false) + "0/tables/person.csv", "person_id,age\n9,99\n"u8.ToArray());
        if (smoke) await _worker.PutAsync(buckets.PublicData, InputsPrefix(true) + "/tables/person.csv", "person_id,age\n1,70\n"u8.ToArray());
    }

    private RunCodeSubmission Command(bool smoke) => new()
    {
        SubmissionId = _submissionId, Attempt = 1, PhaseId = _phaseId, ArchiveKey = ArchiveKey, Smoke = smoke,
        InputsPrefix = InputsPrefix(smoke), InputsVersion = 3, Runtime = "python",
        Limits = new CodeRunLimits { WallClockSeconds = 30, CpuSeconds = 30, MemoryBytes = 512L * 1024 * 1024, MaxProcesses = 32, OutputBytes = 1024 * 1024 },
        PredictionsFile = "predictions.csv", PredictionsKey = PredictionsKey, LogKey = LogKey,
        Scoring = smoke ? null : new ScoreSubmission
        {
            SubmissionId = _submissionId, Attempt = 1, PhaseId = _phaseId, PredictionsKey = PredictionsKey,
            LabelsKey = $"phases/{_phaseId:N}/labels/v2.csv", LabelsVersion = 2, ScoringConfig = SampleFiles.BinaryConfig,
        },
    };
}
