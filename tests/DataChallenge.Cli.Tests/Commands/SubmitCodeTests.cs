using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Cli.Tests.Remote;

namespace DataChallenge.Cli.Tests.Commands;

/// <summary><c>datachallenge submit SLUG --code DIR</c>: the folder is checked, zipped and sent to the phase's code runs.</summary>
public sealed class SubmitCodeTests : IAsyncLifetime
{
    private OpenChallenge _challenge = null!;
    private CliSession _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _challenge = await OpenChallenge.StartAsync();
        var organiser = _challenge.Organiser.Client;
        (await organiser.PutAsJsonAsync($"/api/phases/{_challenge.PhaseId}/code", new { runtime = "python" })).EnsureSuccessStatusCode();
        (await organiser.PutAsync($"/api/phases/{_challenge.PhaseId}/hidden-inputs", new ByteArrayContent(Zip()))).EnsureSuccessStatusCode();
        _cli = new CliSession(_challenge.Server);
        var (_, token) = await CliSession.CreateTokenAsync(_challenge.Competitor);
        Assert.Equal(0, _cli.Run("login", "--server", CliSession.Server, "--token", token).Code);
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _challenge.DisposeAsync();
    }

    [Fact]
    public async Task SubmitCode_UploadsTheZippedFolder_WhenItHasMainPy()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Folder, "baseline"));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "main.py"), "print('hello')\n");

        var (code, output, error) = _cli.Run("submit", _challenge.Slug, "--code", folder.FullName, "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("baseline.zip", json.RootElement.GetProperty("fileName").GetString());
        Assert.Equal("Received", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SubmitCode_Returns2WithoutUploading_WhenTheFolderHasNoEntryPoint()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Folder, "empty"));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "model.txt"), "weights");

        var (code, _, error) = _cli.Run("submit", _challenge.Slug, "--code", folder.FullName);

        Assert.Equal(2, code);
        Assert.Contains("main.py", error, StringComparison.Ordinal);
        var mine = await _challenge.Competitor.Client.GetFromJsonAsync<JsonElement>($"/api/phases/{_challenge.PhaseId}/submissions");
        Assert.Empty(mine.EnumerateArray());
    }

    private static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("person.csv").Open()))
            writer.Write("person_id\n1\n");
        return buffer.ToArray();
    }
}
