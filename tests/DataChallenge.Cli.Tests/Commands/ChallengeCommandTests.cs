using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Cli.Tests.Remote;
using DataChallenge.Testing;

namespace DataChallenge.Cli.Tests.Commands;

/// <summary><c>challenge push</c> and <c>challenge pull</c> against a server running in-process.</summary>
public sealed class ChallengeCommandTests : IAsyncLifetime
{
    private const string Slug = "cli-bundle";
    private const string TrainCsv = "id,feature\nr1,0.5\nr2,0.7\n";

    private static readonly string Bundle = $"""
        slug: {Slug}
        title: A challenge kept in git
        description: |
          Predict the *label*.
        phases:
        - name: Main
          opens_at: 2020-01-01T00:00:00Z
          scoring:
            task_type: binary_proba
            id_column: id
            label_columns: [label]
            prediction_columns: [label]
            metrics: [roc_auc, log_loss]
            primary_metric: roc_auc
            split_column: Usage
          rules:
            max_file_mb: 5
          labels: hidden/labels.csv
        public_files:
        - data/train.csv
        """;

    private static readonly string CodeBundle = Bundle.Replace("  labels: hidden/labels.csv\n", """
          kind: code
          code:
            runtime: python
            wall_clock_seconds: 300
            inputs: hidden/inputs
            smoke_data: smoke/

        """, StringComparison.Ordinal);

    private readonly ServerFactory _server = new();
    private ApiSession _organiser = null!;
    private CliSession _cli = null!;
    private string _bundlePath = null!;

    public async ValueTask InitializeAsync()
    {
        _organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        _cli = new CliSession(_server);
        var (_, token) = await CliSession.CreateTokenAsync(_organiser);
        Assert.Equal(0, _cli.Run("login", "--server", CliSession.Server, "--token", token).Code);
        _bundlePath = WriteBundle("repo", Bundle);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Push_CreatesTheChallengeWithLabelsAndFiles_WhenTheBundleIsNew()
    {
        var (code, output, error) = _cli.Run("challenge", "push", _bundlePath);

        Assert.Equal((0, string.Empty), (code, error));
        Assert.Contains($"Created the challenge '{Slug}'.", output, StringComparison.Ordinal);
        Assert.Contains("Uploaded hidden/labels.csv as labels version 1 of phase 'Main'.", output, StringComparison.Ordinal);
        Assert.Contains("Uploaded train.csv.", output, StringComparison.Ordinal);
        var phaseId = await PhaseIdAsync();
        Assert.Equal(1, (await _organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}")).GetProperty("labelsVersion").GetInt32());
        var file = Assert.Single((await _organiser.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{Slug}/files")).EnumerateArray());
        Assert.Equal("train.csv", file.GetProperty("name").GetString());
        // The pushed labels are the ones the phase scores against.
        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await competitor.JoinAsync(Slug);
        var outcome = await competitor.WaitForOutcomeAsync(await competitor.SubmitAsync(phaseId, SampleFiles.Predictions()));
        Assert.Equal("Scored", outcome.GetProperty("status").GetString());
        Assert.Equal(1.0, outcome.GetProperty("score").GetDouble(), 6);
    }

    [Fact]
    public async Task Push_KeepsLabelsAndSkipsUnchangedFiles_WhenPushedAgain()
    {
        Assert.Equal(0, _cli.Run("challenge", "push", _bundlePath).Code);
        File.WriteAllText(_bundlePath, Bundle.Replace("title: A challenge kept in git", "title: Renamed in git", StringComparison.Ordinal));

        var (code, output, _) = _cli.Run("challenge", "push", _bundlePath);

        Assert.Equal(0, code);
        Assert.Contains($"Updated the challenge '{Slug}'.", output, StringComparison.Ordinal);
        Assert.Contains("Kept the labels of phase 'Main'; pass --replace-labels", output, StringComparison.Ordinal);
        Assert.Contains("train.csv is unchanged.", output, StringComparison.Ordinal);
        Assert.Equal("Renamed in git", (await _organiser.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{Slug}")).GetProperty("title").GetString());
        Assert.Equal(1, (await _organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{await PhaseIdAsync()}")).GetProperty("labelsVersion").GetInt32());
    }

    [Fact]
    public async Task Push_UploadsANewLabelsVersion_WhenReplaceLabelsIsOn()
    {
        Assert.Equal(0, _cli.Run("challenge", "push", _bundlePath).Code);

        var (code, output, _) = _cli.Run("challenge", "push", _bundlePath, "--replace-labels");

        Assert.Equal(0, code);
        Assert.Contains("as labels version 2 of phase 'Main'", output, StringComparison.Ordinal);
        Assert.Equal(2, (await _organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{await PhaseIdAsync()}")).GetProperty("labelsVersion").GetInt32());
    }

    [Fact]
    public async Task Push_Returns1WithTheLineAndColumn_WhenTheBundleHasAnUnknownKey()
    {
        File.WriteAllText(_bundlePath, Bundle.Replace("  rules:\n", "  rules:\n    max_uploads: 3\n", StringComparison.Ordinal));

        var (code, output, error) = _cli.Run("challenge", "push", _bundlePath);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("The bundle is not valid: Line 17, column 5: Unknown key 'max_uploads' in the rules of a phase", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _organiser.Client.GetAsync($"/api/challenges/{Slug}")).StatusCode);
    }

    [Fact]
    public async Task Push_Returns64AndSendsNothing_WhenALabelsFileIsMissing()
    {
        File.Delete(Path.Combine(Path.GetDirectoryName(_bundlePath)!, "hidden", "labels.csv"));

        var (code, _, error) = _cli.Run("challenge", "push", _bundlePath);

        Assert.Equal(64, code);
        Assert.Equal("The labels of phase 'Main', hidden/labels.csv, are not in the bundle's folder." + Environment.NewLine, error);
        Assert.Equal(HttpStatusCode.NotFound, (await _organiser.Client.GetAsync($"/api/challenges/{Slug}")).StatusCode);
    }

    [Fact]
    public async Task Push_UploadsHiddenInputsAndSmokeDataAsVersion1_WhenTheBundleHasACodePhase()
    {
        File.WriteAllText(_bundlePath, CodeBundle);
        WriteCodeData();

        var (code, output, error) = _cli.Run("challenge", "push", _bundlePath);
        var again = _cli.Run("challenge", "push", _bundlePath);

        Assert.Equal((0, string.Empty), (code, error));
        Assert.Contains("Uploaded hidden/inputs as hidden inputs version 1 of phase 'Main'.", output, StringComparison.Ordinal);
        Assert.Contains("Uploaded smoke as smoke data version 1 of phase 'Main'.", output, StringComparison.Ordinal);
        var phaseId = await PhaseIdAsync();
        var settings = await _organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}/code");
        Assert.Equal(("python", 300, 1, 1), (settings.GetProperty("runtime").GetString(), settings.GetProperty("wallClockSeconds").GetInt32(),
            settings.GetProperty("inputsVersion").GetInt32(), settings.GetProperty("smokeDataVersion").GetInt32()));
        var inputs = await _organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{phaseId}/hidden-inputs");
        Assert.Equal(["person.csv"], inputs.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        // Pushed again, the data already there is kept: a new version is the organiser's explicit choice.
        Assert.Equal(0, again.Code);
        Assert.Contains("Kept the hidden inputs of phase 'Main'; pass --replace-data", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_Returns64NamingTheKeyAndSendsNothing_WhenAnInputsFolderIsMissing()
    {
        File.WriteAllText(_bundlePath, CodeBundle);

        var (code, _, error) = _cli.Run("challenge", "push", _bundlePath);

        Assert.Equal(64, code);
        Assert.Equal("The hidden inputs of phase 'Main' (code: inputs), hidden/inputs, is not a folder in the bundle's folder." + Environment.NewLine, error);
        Assert.Equal(HttpStatusCode.NotFound, (await _organiser.Client.GetAsync($"/api/challenges/{Slug}")).StatusCode);
    }

    [Fact]
    public async Task Pull_WritesTheBundleAndPublicFilesButNoLabels_WhenTheCallerOrganisesTheChallenge()
    {
        Assert.Equal(0, _cli.Run("challenge", "push", _bundlePath).Code);
        var folder = Path.Combine(_cli.Folder, "pulled");

        var (code, output, error) = _cli.Run("challenge", "pull", Slug, "-o", folder);

        Assert.Equal((0, string.Empty), (code, error));
        Assert.Equal(await _organiser.Client.GetStringAsync($"/api/challenges/{Slug}/bundle"), File.ReadAllText(Path.Combine(folder, "bundle.yaml")));
        Assert.Equal(TrainCsv, File.ReadAllText(Path.Combine(folder, "train.csv")));
        Assert.Equal(["bundle.yaml", "train.csv"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains(Path.Combine(folder, "bundle.yaml"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushAndPull_RoundTrip_WhenAPulledBundleIsPushedAndPulledAgain()
    {
        Assert.Equal(0, _cli.Run("challenge", "push", _bundlePath).Code);
        var first = Path.Combine(_cli.Folder, "first");
        var second = Path.Combine(_cli.Folder, "second");
        Assert.Equal(0, _cli.Run("challenge", "pull", Slug, "-o", first).Code);
        var before = await _organiser.Client.GetStringAsync($"/api/challenges/{Slug}");

        var (code, output, _) = _cli.Run("challenge", "push", Path.Combine(first, "bundle.yaml"));
        Assert.Equal(0, _cli.Run("challenge", "pull", Slug, "-o", second).Code);

        Assert.Equal(0, code);
        Assert.Contains("train.csv is unchanged.", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(first, "bundle.yaml")), File.ReadAllText(Path.Combine(second, "bundle.yaml")));
        Assert.Equal(before, await _organiser.Client.GetStringAsync($"/api/challenges/{Slug}"));
    }

    [Fact]
    public async Task Pull_Returns1WithOneSentence_WhenTheCallerIsNotAnOrganiser()
    {
        Assert.Equal(0, _cli.Run("challenge", "push", _bundlePath).Code);
        var stranger = await ApiSession.RegisterAsync(_server.CreateClient());
        var (_, token) = await CliSession.CreateTokenAsync(stranger);
        _cli.Environment["DATACHALLENGE_TOKEN"] = token;

        var (code, _, error) = _cli.Run("challenge", "pull", Slug, "-o", Path.Combine(_cli.Folder, "stolen"));

        Assert.Equal(1, code);
        Assert.Equal("The challenge's bundle was not found." + Environment.NewLine, error);
        Assert.False(Directory.Exists(Path.Combine(_cli.Folder, "stolen")));
    }

    private string WriteBundle(string folder, string yaml)
    {
        var root = Path.Combine(_cli.Folder, folder);
        Directory.CreateDirectory(Path.Combine(root, "hidden"));
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.WriteAllText(Path.Combine(root, "hidden", "labels.csv"), SampleFiles.Labels());
        File.WriteAllText(Path.Combine(root, "data", "train.csv"), TrainCsv);
        var path = Path.Combine(root, "bundle.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private void WriteCodeData()
    {
        var root = Path.GetDirectoryName(_bundlePath)!;
        Directory.CreateDirectory(Path.Combine(root, "hidden", "inputs"));
        Directory.CreateDirectory(Path.Combine(root, "smoke"));
        File.WriteAllText(Path.Combine(root, "hidden", "inputs", "person.csv"), "person_id,age\n1,70\n");
        File.WriteAllText(Path.Combine(root, "smoke", "person.csv"), "person_id,age\n900,30\n");
    }

    private async Task<Guid> PhaseIdAsync()
        => (await _organiser.Client.GetFromJsonAsync<JsonElement>($"/api/challenges/{Slug}")).GetProperty("phases")[0].GetProperty("id").GetGuid();
}
