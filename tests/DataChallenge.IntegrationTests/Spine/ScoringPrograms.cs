using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DataChallenge.Sandbox;
using DataChallenge.Testing;

namespace DataChallenge.IntegrationTests.Spine;

/// <summary>An organiser's scoring program for the real-services flow: its upload and the bubblewrap gate of its run.</summary>
internal static class ScoringPrograms
{
    private const string Settings = """
        {"command": "python3 score.py $input $output", "runtime": "python", "metrics": ["accuracy"],
         "primary_metric": "accuracy", "higher_is_better": true, "split_column": "Usage"}
        """;

    /// <summary>Accuracy at a 0.5 threshold, read from the folders the worker lays out.</summary>
    public const string Accuracy = """
        import csv, json, os, sys
        with open(os.path.join(sys.argv[1], "ref", "labels.csv")) as f:
            labels = {r["id"]: int(r["label"]) for r in csv.DictReader(f)}
        with open(os.path.join(sys.argv[1], "res", "predictions.csv")) as f:
            preds = {r["id"]: float(r["label"]) for r in csv.DictReader(f)}
        hits = sum((preds[k] >= 0.5) == (v == 1) for k, v in labels.items())
        with open(os.path.join(sys.argv[2], "scores.json"), "w") as f:
            json.dump({"accuracy": hits / len(labels)}, f)
        """;

    /// <summary>Uploads score.py as the phase's program; returns the version the server gave it.</summary>
    public static async Task<int> UploadAsync(ApiSession organiser, Guid phaseId, string program)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        await using (var entry = new StreamWriter(archive.CreateEntry("score.py").Open(), Encoding.UTF8))
            await entry.WriteAsync(program);
        var file = new ByteArrayContent(zip.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Settings, Encoding.UTF8, "application/json"), "config" },
            { file, "archive", "program.zip" },
        };
        var response = await organiser.Client.PutAsync($"/api/phases/{phaseId}/program", form);
        await ApiSession.EnsureAsync(response, "upload the scoring program", HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
    }

    /// <summary>Skips locally without bubblewrap; fails under CI=true.</summary>
    public static void RequireBubblewrap()
    {
        if (BubblewrapSandbox.IsAvailable(new SandboxOptions(), out var reason)) return;
        if (Services.InCi) throw new InvalidOperationException("CI=true requires bubblewrap: " + reason);
        Assert.Skip("SKIPPED — " + reason + " Run `bash tests/services/install.sh`.");
    }
}
