using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DataChallenge.Testing;

namespace DataChallenge.Worker.Tests;

/// <summary>A worker with no sandbox never runs organiser code: the submission fails and says why, to organisers only.</summary>
public sealed class NoSandboxFlowTests : IAsyncLifetime
{
    private readonly ServerFactory _server = new();

    public ValueTask InitializeAsync()
    {
        _server.Settings["Sandbox:Kind"] = "none";
        _server.Settings["Sandbox:WorkRoot"] = Path.Combine(_server.DataFolder, "sandbox");
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Submit_FailsWithoutRunningTheProgram_WhenTheSandboxKindIsNone()
    {
        var organiser = await ApiSession.RegisterAsync(_server.CreateClient());
        var slug = await organiser.CreateChallengeAsync();
        var phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig, maxFileBytes: 10_000);
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());
        var marker = Path.Combine(_server.DataFolder, "program-ran");
        // Were it run at all (there is no sandbox to stop it), this program would leave a file on the host.
        var zip = ProgramArchives.Zip(("score.py", $"open('{marker}', 'w').write('ran')"));
        var archive = new ByteArrayContent(zip);
        archive.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("""{"command": "python3 score.py", "runtime": "python", "metrics": ["a"], "primary_metric": "a"}""", Encoding.UTF8), "config" },
            { archive, "archive", "program.zip" },
        };
        Assert.Equal(HttpStatusCode.OK, (await organiser.Client.PutAsync($"/api/phases/{phaseId}/program", form)).StatusCode);

        var competitor = await ApiSession.RegisterAsync(_server.CreateClient());
        await competitor.JoinAsync(slug);
        var outcome = await competitor.WaitForOutcomeAsync(await competitor.SubmitAsync(phaseId, SampleFiles.Predictions()));

        Assert.Equal("Failed", outcome.GetProperty("status").GetString());
        Assert.DoesNotContain("sandbox", outcome.GetProperty("message").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sandbox:Kind is None", _server.Logs.All);
        Assert.False(File.Exists(marker));
    }
}
