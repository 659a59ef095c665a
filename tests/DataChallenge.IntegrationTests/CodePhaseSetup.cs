using System.Net.Http.Json;
using DataChallenge.Testing;

namespace DataChallenge.IntegrationTests;

/// <summary>A code phase whose hidden inputs hold each id's label as feature x: code predicting x scores a ROC AUC of 1.</summary>
public static class CodePhaseSetup
{
    /// <summary>The main.py lines that predict x from the hidden inputs.</summary>
    public const string PredictX = """
        import pandas as pd
        x = pd.read_csv("/app/input/features.csv")
        pd.DataFrame({"id": x["id"], "label": x["x"]}).to_csv("/app/output/predictions.csv", index=False)
        """;

    public static async Task<Guid> CreateAsync(ApiSession organiser, string slug)
    {
        var phaseId = await organiser.CreatePhaseAsync(slug, SampleFiles.BinaryConfig);
        await organiser.UploadLabelsAsync(phaseId, SampleFiles.Labels());
        await ApiSession.EnsureAsync(await organiser.Client.PutAsJsonAsync($"/api/phases/{phaseId}/code", new { runtime = "python" }), "make a code phase");
        var inputs = "id,x\n" + string.Concat(SampleFiles.Labels().Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => string.Join(',', l.Split(',')[..2]) + "\n"));
        await ApiSession.EnsureAsync(await organiser.Client.PutAsync($"/api/phases/{phaseId}/hidden-inputs", Zip(("features.csv", inputs))), "upload hidden inputs");
        return phaseId;
    }

    public static ByteArrayContent Zip(params (string Name, string Content)[] files)
    {
        var content = new ByteArrayContent(ProgramArchives.Zip(files));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/zip");
        return content;
    }
}
