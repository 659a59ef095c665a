using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace DataChallenge.Testing;

/// <summary>Zip archives built in memory for the tests.</summary>
public static class ProgramArchives
{
    public static byte[] Zip(params (string Name, string Content)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Sends a scoring program (settings JSON and zip) to a phase as its organiser does.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient organiser, Guid phaseId, string settings, byte[] zip)
    {
        var archive = new ByteArrayContent(zip);
        archive.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(settings, Encoding.UTF8, "application/json"), "config" },
            { archive, "archive", "program.zip" },
        };
        return await organiser.PutAsync($"/api/phases/{phaseId}/program", form);
    }

    /// <summary>A Python program that scores thresholded predictions and reports what its labels file looked like.</summary>
    public const string AccuracyProgram = """
        import csv, json, os, sys
        ref = os.path.join(sys.argv[1], "ref", "labels.csv")
        with open(ref) as f:
            rows = list(csv.DictReader(f))
        labels = {r["id"]: int(r["label"]) for r in rows}
        with open(os.path.join(sys.argv[1], "res", "predictions.csv")) as f:
            preds = {r["id"]: float(r["label"]) for r in csv.DictReader(f)}
        hits = sum((preds[k] >= 0.5) == (v == 1) for k, v in labels.items())
        scores = {"accuracy": hits / len(labels), "rows": len(labels), "usage_column": int("Usage" in rows[0])}
        with open(os.path.join(sys.argv[2], "scores.json"), "w") as f:
            json.dump(scores, f)
        with open(os.path.join(sys.argv[2], "detailed_results.html"), "w") as f:
            f.write("<p>%d rows</p>" % len(labels))
        """;
}
