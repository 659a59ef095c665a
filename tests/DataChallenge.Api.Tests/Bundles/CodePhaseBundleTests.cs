using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Api.Features.Bundles;
using DataChallenge.Api.Tests.CodePhases;
using DataChallenge.Testing;

namespace DataChallenge.Api.Tests.Bundles;

/// <summary>A phase of <c>kind: code</c> in bundle.yaml: read, checked key by key, imported like the code endpoint, exported back.</summary>
public sealed class CodePhaseBundleTests : IAsyncLifetime
{
    public const string Sample = """
        slug: sealed-wards
        title: Code next to the data
        phases:
        - name: Code
          kind: code
          opens_at: 2026-01-01T00:00:00Z
          scoring:
            task_type: binary_proba
            id_column: id
            label_columns: [label]
            prediction_columns: [label]
            metrics: [roc_auc]
            primary_metric: roc_auc
          code:
            runtime: python
            wall_clock_seconds: 900
            cpu_seconds: 800
            memory_mb: 1536
            max_processes: 16
            output_mb: 50
            run_minutes_per_day: 30
            smoke_runs_per_day: 4
            predictions_file: scores.csv
            max_archive_mb: 20
            inputs: hidden/inputs/
            smoke_data: smoke
        """;

    private const long MiB = 1024 * 1024;

    private readonly ServerFactory _server = new();
    private ApiSession _owner = null!;

    public async ValueTask InitializeAsync() => _owner = await ApiSession.RegisterAsync(_server.CreateClient());

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public void Read_ReturnsTheCodeSettingsAndFolders_WhenAPhaseIsOfKindCode()
    {
        var phase = Assert.Single(BundleYamlReader.Read(Sample).Phases);

        var code = Assert.IsType<BundleCode>(phase.Code);
        Assert.Equal("code", phase.Kind);
        Assert.Equal(new("python", 900, 800, 1536 * MiB, 16, 50 * MiB, 30, 4, "scores.csv", 20 * MiB), code.Settings);
        Assert.Equal(("hidden/inputs", "smoke"), (code.Inputs, code.SmokeData));
    }

    [Theory]
    [InlineData("    runtime: python", "    runtime: python 3!", 15, 14, "'runtime' in the code of a phase is refused: A runtime name")]
    [InlineData("    wall_clock_seconds: 900", "    wall_clock_seconds: 0", 16, 25, "'wall_clock_seconds' in the code of a phase is at least 1")]
    [InlineData("    max_processes: 16", "    max_processes: -2", 19, 20, "'max_processes' in the code of a phase is at least 1")]
    [InlineData("    memory_mb: 1536", "    memory_mb: 0", 18, 16, "'memory_mb' in the code of a phase is greater than 0")]
    [InlineData("    memory_mb: 1536", "    memory_mb: 99999999999", 18, 16, "'memory_mb' in the code of a phase is at most 16777216")]
    [InlineData("    output_mb: 50", "    output_mb: 0.0000001", 20, 16, "'output_mb' in the code of a phase is refused: Limits are positive")]
    [InlineData("    predictions_file: scores.csv", "    predictions_file: ../scores.csv", 23, 23, "'predictions_file' in the code of a phase is refused")]
    [InlineData("    inputs: hidden/inputs/", "    inputs: ../elsewhere", 25, 13, "'../elsewhere' is not a path inside the bundle's folder")]
    [InlineData("  kind: code", "  kind: notebook", 5, 9, "'kind' in a phase is predictions or code")]
    [InlineData("  kind: code", "  kind: predictions", 15, 5, "'code' in a phase belongs to a phase of kind: code")]
    [InlineData("    smoke_data: smoke", "    smoke_data: smoke\n    gpu: true", 27, 5, "Unknown key 'gpu' in the code of a phase")]
    public void Read_RefusesNamingTheKey_WhenACodeValueIsWrong(string original, string replacement, int line, int column, string reason)
    {
        Assert.Contains(original, Sample, StringComparison.Ordinal);

        var failure = Assert.Throws<BundleFormatException>(() => BundleYamlReader.Read(Sample.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Contains(reason, failure.Reason, StringComparison.Ordinal);
        Assert.Equal((line, column), ((int)failure.Line, (int)failure.Column));
    }

    [Fact]
    public async Task Import_CreatesTheCodePhaseAsTheCodeEndpointWould_WhenTheBundleHasKindCode()
    {
        var phaseId = await ImportAsync(Sample);

        var code = await _owner.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}/code");
        Assert.Equal(("Code", "python", 900, 800, 1536 * MiB, 16, 50 * MiB), (code.GetProperty("kind").GetString(), code.GetProperty("runtime").GetString(),
            code.GetProperty("wallClockSeconds").GetInt32(), code.GetProperty("cpuSeconds").GetInt32(), code.GetProperty("memoryBytes").GetInt64(),
            code.GetProperty("maxProcesses").GetInt32(), code.GetProperty("outputBytes").GetInt64()));
        Assert.Equal((30, 4, "scores.csv", 20 * MiB, 0, 0), (code.GetProperty("runMinutesPerDay").GetInt32(), code.GetProperty("smokeRunsPerDay").GetInt32(),
            code.GetProperty("predictionsFile").GetString(), code.GetProperty("maxArchiveBytes").GetInt64(), code.GetProperty("inputsVersion").GetInt32(),
            code.GetProperty("smokeDataVersion").GetInt32()));
        // The imported phase takes its data through the code endpoints, as a phase configured through the API does.
        var inputs = await _owner.Client.PutAsync($"/api/phases/{phaseId}/hidden-inputs", CodePhaseArena.ZipContent(CodePhaseArena.Zip(("person.csv", "person_id\n1\n"))));
        Assert.Equal(HttpStatusCode.OK, inputs.StatusCode);
        Assert.Equal(1, (await inputs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task RoundTrip_GivesTheSameCodeSettings_WhenAnExportIsImportedAgain()
    {
        var phaseId = await ImportAsync(Sample);
        var exported = await _owner.Client.GetStringAsync("/api/challenges/sealed-wards/bundle");

        var again = await PutAsync(exported);
        var reexported = await _owner.Client.GetStringAsync("/api/challenges/sealed-wards/bundle");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(exported, reexported);
        Assert.Contains("kind: code", exported, StringComparison.Ordinal);
        // The data folders are the organiser's disk layout, like labels: never exported.
        Assert.DoesNotContain("inputs:", exported, StringComparison.Ordinal);
        var read = Assert.Single(BundleYamlReader.Read(exported).Phases);
        Assert.Equal(BundleYamlReader.Read(Sample).Phases[0].Code!.Settings, read.Code!.Settings);
        Assert.Equal(phaseId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phases")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Import_Returns400WithTheLineOfTheField_WhenTheRuntimeIsBad()
    {
        var response = await PutAsync(Sample.Replace("runtime: python", "runtime: \"\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("'runtime'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(15, problem.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Import_Returns400AndKeepsTheCodePhase_WhenABundleSaysKindPredictions()
    {
        var phaseId = await ImportAsync(Sample);
        var predictions = string.Join('\n', Sample.Split('\n').TakeWhile(l => !l.StartsWith("  code:", StringComparison.Ordinal)))
            .Replace("kind: code", "kind: predictions", StringComparison.Ordinal);

        var response = await PutAsync(predictions);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'kind'", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _owner.Client.GetAsync($"/api/phases/{phaseId}/code")).StatusCode);
    }

    private async Task<Guid> ImportAsync(string yaml)
    {
        var response = await PutAsync(yaml);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phases")[0].GetProperty("id").GetGuid();
    }

    private Task<HttpResponseMessage> PutAsync(string yaml) => _owner.Client.PutAsync("/api/bundles", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
}
