using System.Net.Http.Json;
using System.Text.Json;
using DataChallenge.Cli.Tests.Remote;
using DataChallenge.Testing;

namespace DataChallenge.Cli.Tests.Commands;

/// <summary>
/// <c>datachallenge submit SLUG --code DIR</c>: the folder is checked, zipped and sent to the phase's code runs; with
/// <c>--smoke --wait</c> the in-process worker runs it in the sandbox on the smoke data and the CLI shows how it ended.
/// </summary>
public sealed class SubmitCodeTests : IAsyncLifetime
{
    private OpenChallenge _challenge = null!;
    private CliSession _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _challenge = await OpenChallenge.StartAsync();
        var organiser = _challenge.Organiser.Client;
        (await organiser.PutAsJsonAsync($"/api/phases/{_challenge.PhaseId}/code", new { runtime = "python" })).EnsureSuccessStatusCode();
        (await organiser.PutAsync($"/api/phases/{_challenge.PhaseId}/hidden-inputs", new ByteArrayContent(Zip("person_id\n1\n")))).EnsureSuccessStatusCode();
        (await organiser.PutAsync($"/api/phases/{_challenge.PhaseId}/smoke-data", new ByteArrayContent(Zip("person_id\n900\n901\n")))).EnsureSuccessStatusCode();
        // A sandboxed run starts Python: slower than an upload on a busy machine.
        _cli = new CliSession(_challenge.Server) { WaitTimeout = TimeSpan.FromMinutes(2) };
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

    [Fact]
    public async Task SubmitCodeSmokeWait_PrintsTheRunLogAndExits0_WhenTheProgramWritesItsPredictions()
    {
        Bubblewrap.Require();
        var folder = await CodeFolderAsync("smoke-ok", """
            import csv
            rows = list(csv.DictReader(open("/app/input/person.csv")))
            print(f"smoke rows: {len(rows)}")
            with open("/app/output/predictions.csv", "w") as out:
                out.write("id,label\n" + "".join(f"{r['person_id']},0.5\n" for r in rows))
            """);

        var (code, output, error) = _cli.Run("submit", _challenge.Slug, "--code", folder, "--smoke", "--wait");

        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.Contains("Smoke run finished. Its log:", output, StringComparison.Ordinal);
        // The run read the public smoke data (two people), not the hidden inputs (one).
        Assert.Contains("smoke rows: 2", output, StringComparison.Ordinal);
        Assert.Contains("wrote predictions.csv", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitCodeSmokeWait_Exits2WithTheReason_WhenTheProgramWritesNoFile()
    {
        Bubblewrap.Require();
        var folder = await CodeFolderAsync("smoke-silent", "print('thinking, but writing nothing')\n");

        var (code, output, error) = _cli.Run("submit", _challenge.Slug, "--code", folder, "--smoke", "--wait");

        Assert.True(code == 2, $"exit {code}: {error}\n{output}");
        Assert.Contains("Rejected:", error, StringComparison.Ordinal);
        Assert.Contains("wrote no predictions.csv", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Smoke run finished", output, StringComparison.Ordinal);
    }

    private async Task<string> CodeFolderAsync(string name, string mainPy)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Folder, name));
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "main.py"), mainPy);
        return folder.FullName;
    }

    private static byte[] Zip(string personCsv)
    {
        using var buffer = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("person.csv").Open()))
            writer.Write(personCsv);
        return buffer.ToArray();
    }
}
