using System.CommandLine;
using System.Text.Json;
using DataChallenge.Cli.Remote;
using DataChallenge.Scoring;

namespace DataChallenge.Cli.Commands;

/// <summary>
/// <c>datachallenge submit SLUG FILE</c>: checks the file locally, streams it to the phase, and with <c>--wait</c>
/// follows it until it is scored, rejected or failed. The exit code tells scripts which.
/// </summary>
internal static class SubmitCommand
{
    public static Command Create(CliHost host)
    {
        var slug = new Argument<string>("slug") { Description = "The challenge's short name." };
        var file = new Argument<FileInfo>("file") { Description = "The predictions CSV file (not with --code).", Arity = ArgumentArity.ZeroOrOne }.AcceptExistingOnly();
        var code = new Option<DirectoryInfo>("--code") { Description = "A code phase: the folder to zip and submit (main.py, or submission.yaml with command:)." }.AcceptExistingOnly();
        var smoke = new Option<bool>("--smoke") { Description = "With --code: run on the public smoke data; its log is shown, nothing is scored." };
        var phase = new Option<string?>("--phase") { Description = "Phase name or id; defaults to the only open phase." };
        var message = new Option<string?>("--message") { Description = "A short note on the submission (at most 500 characters), shown to your team and the organisers." };
        var wait = new Option<bool>("--wait") { Description = "Follow the submission until it is scored, rejected or failed." };
        var json = new Option<bool>("--json") { Description = "Print the submission as one JSON document on stdout." };
        var command = new Command("submit", "Upload a predictions file to a challenge's phase.") { slug, file, code, smoke, phase, message, wait, json };
        RemoteCall.Attach(command, host, async (call, cancellationToken) =>
        {
            call.RequireToken();
            var folder = call.Parse.GetValue(code);
            if ((folder is null) == (call.Parse.GetValue(file) is null)) throw new CliException(ExitCodes.Error, "Give either a predictions file or --code FOLDER.");
            var (_, chosen) = await PhaseChoice.ResolveAsync(call.Api, call.Parse.GetRequiredValue(slug), call.Parse.GetValue(phase), cancellationToken);
            var phaseId = chosen.String("id");
            if (folder is not null) return await SubmitCodeAsync(call, phaseId!, folder, call.Parse.GetValue(message), call.Parse.GetValue(smoke), call.Parse.GetValue(wait),
                call.Parse.GetValue(json), cancellationToken);
            var path = call.Parse.GetValue(file)!.FullName;

            if (await ConfigOfAsync(call.Api, phaseId!, cancellationToken) is { } config)
            {
                try
                {
                    PredictionsPrecheck.Check(path, config, cancellationToken);
                }
                catch (SubmissionRejectedException e)
                {
                    await call.Error.WriteLineAsync($"Not uploaded: {e.Message}");
                    return ExitCodes.Rejected;
                }
            }

            var submission = await UploadAsync(call, phaseId!, path, call.Parse.GetValue(message), cancellationToken);
            if (call.Parse.GetValue(wait)) submission = await FollowAsync(call, submission, cancellationToken);
            return Report(call, submission, call.Parse.GetValue(json));
        });
        return command;
    }

    // The phase's public scoring configuration; an unreadable one only skips the local check, the server still decides.
    private static async Task<ScoringConfig?> ConfigOfAsync(ApiClient api, string phaseId, CancellationToken cancellationToken)
    {
        var phase = await api.GetJsonAsync($"api/phases/{phaseId}", cancellationToken);
        try
        {
            return ScoringConfig.Parse(phase.Get("scoringConfig").GetRawText());
        }
        catch (Exception e) when (e is ScoringConfigException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task<int> SubmitCodeAsync(RemoteCall call, string phaseId, DirectoryInfo folder, string? note, bool smoke, bool wait, bool json,
        CancellationToken cancellationToken)
    {
        if (CodeFolder.EntryPointRefusal(folder) is { } refusal)
        {
            await call.Error.WriteLineAsync($"Not uploaded: {refusal}");
            return ExitCodes.Rejected;
        }
        var zip = CodeFolder.Zip(folder);
        try
        {
            var submission = await UploadAsync(call, phaseId, zip, note, cancellationToken, $"{folder.Name}.zip", "application/zip", smoke ? "&smoke=true" : "");
            if (wait) submission = await FollowAsync(call, submission, cancellationToken, showStates: !json);
            if (submission.String("status") == "Finished" && !json)
            {
                using var log = await call.Api.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/submissions/{submission.String("id")}/log"), cancellationToken);
                call.Output.WriteLine($"Smoke run finished. Its log:{Environment.NewLine}{await log.Content.ReadAsStringAsync(cancellationToken)}");
            }
            return Report(call, submission, json);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    private static async Task<JsonElement> UploadAsync(RemoteCall call, string phaseId, string path, string? note, CancellationToken cancellationToken,
        string? uploadName = null, string contentType = "text/csv", string query = "")
    {
        var name = uploadName ?? Path.GetFileName(path);
        var noteQuery = string.IsNullOrWhiteSpace(note) ? "" : "&note=" + Uri.EscapeDataString(note.Trim());
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        // One key for every try of this upload: a retry after a 503 or a lost answer is recorded once.
        var idempotencyKey = Guid.NewGuid().ToString("N");
        JsonElement submission = default;
        await Terminal.WithProgressAsync(call.Host, $"Uploading {Path.GetFileName(path)}", stream.Length, async progress =>
        {
            using var response = await call.Api.SendRetryingAsync(() =>
            {
                var content = new ProgressContent(stream, progress);
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
                var request = new HttpRequestMessage(HttpMethod.Post, $"api/phases/{phaseId}/submissions?fileName={Uri.EscapeDataString(name)}{query}{noteQuery}") { Content = content };
                request.Headers.Add("Idempotency-Key", idempotencyKey);
                return request;
            }, cancellationToken);
            submission = await ApiClient.ReadJsonAsync(response, cancellationToken);
        });
        return submission;
    }

    /// <param name="showStates">Print each new state with the time since the upload (Received → Running → Scoring …).</param>
    private static async Task<JsonElement> FollowAsync(RemoteCall call, JsonElement submission, CancellationToken cancellationToken, bool showStates = false)
    {
        var started = DateTimeOffset.UtcNow;
        var deadline = started + call.Host.WaitTimeout;
        string? shown = null;
        // The server says when a submission is finished: the CLI needs no list of states, so new ones need no new release.
        while (!IsFinished(submission))
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new CliException(ExitCodes.Error, $"Submission {submission.String("id")} is still {submission.String("status")}; follow it with `datachallenge submissions list`.");
            await Task.Delay(call.Host.PollInterval, cancellationToken);
            submission = await call.Api.GetJsonAsync($"api/submissions/{submission.String("id")}", cancellationToken);
            if (showStates && submission.String("status") is { } status && status != shown)
                call.Output.WriteLine($"{shown = status} ({(DateTimeOffset.UtcNow - started).TotalSeconds:0} s)");
        }
        return submission;
    }

    // An answer without the flag (an older server) has not been read as unfinished by this client; it is not followed.
    private static bool IsFinished(JsonElement submission)
        => !submission.TryGetProperty("isFinished", out var finished) || finished.ValueKind != JsonValueKind.False;

    private static int Report(RemoteCall call, JsonElement submission, bool json)
    {
        var status = submission.String("status");
        if (json) Terminal.WriteJson(call.Output, submission);
        switch (status)
        {
            case "Scored":
                if (!json)
                {
                    var interval = submission.Get("intervalLower").ValueKind == JsonValueKind.Number
                        ? $" (95 % interval {Terminal.Number(submission.Get("intervalLower"))} – {Terminal.Number(submission.Get("intervalUpper"))})" : "";
                    call.Output.WriteLine($"Scored: {submission.String("primaryMetric")} = {Terminal.Number(submission.Get("score"))}{interval} on the public split.");
                }
                return ExitCodes.Success;
            case "Rejected":
                call.Error.WriteLine($"Rejected: {submission.String("message")}");
                return ExitCodes.Rejected;
            case "Finished":
                return ExitCodes.Success;
            case "Failed":
                call.Error.WriteLine($"Failed: {submission.String("message")}");
                return ExitCodes.PlatformFailure;
            default:
                if (!json) call.Output.WriteLine($"Submitted {submission.String("fileName")} as {submission.String("id")} ({status}).");
                return ExitCodes.Success;
        }
    }
}
