using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Cli.Tests.Remote;
using DataChallenge.Testing;

namespace DataChallenge.Cli.Tests.Commands;

/// <summary><c>labels upload</c> against a server running in-process.</summary>
public sealed class LabelsCommandTests : IAsyncLifetime
{
    private OpenChallenge _challenge = null!;
    private CliSession _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _challenge = await OpenChallenge.StartAsync();
        _cli = new CliSession(_challenge.Server);
        var (_, token) = await CliSession.CreateTokenAsync(_challenge.Organiser);
        Assert.Equal(0, _cli.Run("login", "--server", CliSession.Server, "--token", token).Code);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _challenge.DisposeAsync();
    }

    [Fact]
    public async Task LabelsUpload_AddsANewVersion_WhenTheOrganiserUploads()
    {
        var file = _cli.Write("fixed-labels.csv", SampleFiles.Labels());

        var (code, output, error) = _cli.Run("labels", "upload", _challenge.Slug, "--phase", "Main", file);

        Assert.Equal((0, string.Empty), (code, error));
        Assert.StartsWith("Uploaded fixed-labels.csv as labels version 2 of phase 'Main'", output, StringComparison.Ordinal);
        var phase = await _challenge.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_challenge.PhaseId}");
        Assert.Equal(2, phase.GetProperty("labelsVersion").GetInt32());
    }

    [Fact]
    public void LabelsUpload_PrintsTheReceiptAsJson_WhenJsonIsOn()
    {
        var file = _cli.Write("labels.csv", SampleFiles.Labels());

        var (code, output, _) = _cli.Run("labels", "upload", _challenge.Slug, file, "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("labelsVersion").GetInt32());
        Assert.Equal(new FileInfo(file).Length, json.RootElement.GetProperty("sizeBytes").GetInt64());
    }

    [Fact]
    public async Task LabelsUpload_Returns1AndChangesNothing_WhenTheCallerIsACompetitor()
    {
        var (_, token) = await CliSession.CreateTokenAsync(_challenge.Competitor);
        _cli.Environment["DATACHALLENGE_TOKEN"] = token;
        var file = _cli.Write("forged.csv", SampleFiles.Labels());

        var (code, _, error) = _cli.Run("labels", "upload", _challenge.Slug, file);

        Assert.Equal(1, code);
        Assert.Equal("The phase was not found." + Environment.NewLine, error);
        var phase = await _challenge.Organiser.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_challenge.PhaseId}");
        Assert.Equal(1, phase.GetProperty("labelsVersion").GetInt32());
    }
}
