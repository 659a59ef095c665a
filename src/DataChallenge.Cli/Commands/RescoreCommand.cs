using System.CommandLine;
using System.Text.Json;
using DataChallenge.Cli.Remote;

namespace DataChallenge.Cli.Commands;

/// <summary>
/// <c>datachallenge rescore SLUG --phase P [--wait]</c>: rescores every successful submission of a phase against its
/// current labels and configuration; with <c>--wait</c> it follows the progress and prints the ranks that changed.
/// </summary>
internal static class RescoreCommand
{
    private static readonly string[] Finished = ["completed", "complete", "done", "finished", "succeeded", "idle"];

    public static Command Create(CliHost host)
    {
        var slug = new Argument<string>("slug") { Description = "The challenge's short name." };
        var phase = new Option<string?>("--phase") { Description = "Phase name or id; defaults to the only open phase." };
        var wait = new Option<bool>("--wait") { Description = "Follow the rescoring until it completes and print the ranks that changed." };
        var json = new Option<bool>("--json") { Description = "Print the rescoring's state as one JSON document on stdout." };
        var command = new Command("rescore", "Rescore a phase's submissions against its current labels and configuration (organisers).") { slug, phase, wait, json };
        RemoteCall.Attach(command, host, async (call, cancellationToken) =>
        {
            call.RequireToken();
            var (_, chosen) = await PhaseChoice.ResolveAsync(call.Api, call.Parse.GetRequiredValue(slug), call.Parse.GetValue(phase), cancellationToken);
            var url = $"api/phases/{chosen.String("id")}/rescore";
            JsonElement? state;
            using (var response = await call.Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, url), cancellationToken))
                state = await JsonBody.ReadAsync(response, cancellationToken);

            if (!call.Parse.GetValue(wait))
            {
                if (call.Parse.GetValue(json)) Terminal.WriteJson(call.Output, state ?? JsonSerializer.SerializeToElement(new { status = "Started" }));
                else call.Output.WriteLine($"Started rescoring phase '{chosen.String("name")}'; the leaderboard switches when it completes.");
                return ExitCodes.Success;
            }

            var deadline = DateTimeOffset.UtcNow + call.Host.WaitTimeout;
            var current = await call.Api.GetJsonAsync(url, cancellationToken);
            while (!IsOver(current))
            {
                if (DateTimeOffset.UtcNow > deadline)
                    throw new CliException(ExitCodes.Error, $"The rescoring of phase '{chosen.String("name")}' is still running ({Progress(current)}); run with --wait again to follow it.");
                await Task.Delay(call.Host.PollInterval, cancellationToken);
                current = await call.Api.GetJsonAsync(url, cancellationToken);
            }
            return Report(call, chosen.String("name"), current, call.Parse.GetValue(json));
        });
        return command;
    }

    private static int Report(RemoteCall call, string? phase, JsonElement state, bool json)
    {
        var failed = string.Equals(state.String("status"), "failed", StringComparison.OrdinalIgnoreCase);
        if (json) Terminal.WriteJson(call.Output, state);
        else if (!failed)
        {
            var changes = state.Get("rankChanges").ValueKind == JsonValueKind.Array ? state.Get("rankChanges").EnumerateArray().ToList() : [];
            call.Output.WriteLine($"Rescored phase '{phase}' ({Progress(state)}); {(changes.Count == 1 ? "1 rank changed" : $"{changes.Count} ranks changed")}.");
            if (changes.Count > 0)
            {
                var table = Terminal.Table("Team", "Before", "After");
                foreach (var change in changes) table.AddRow(change.String("team"), Rank(change, "before", "oldRank"), Rank(change, "after", "newRank"));
                call.Console.Write(table);
            }
        }
        if (!failed) return ExitCodes.Success;
        call.Error.WriteLine($"The rescoring of phase '{phase}' failed: {state.String("message") ?? "the server gave no reason"}.");
        return ExitCodes.PlatformFailure;
    }

    // Over when its status says so, or when every submission is done.
    private static bool IsOver(JsonElement state)
    {
        if (state.String("status") is { } status)
            return Finished.Contains(status.ToLowerInvariant()) || status.Equals("failed", StringComparison.OrdinalIgnoreCase);
        return state.Get("total").ValueKind == JsonValueKind.Number && state.Get("done").ValueKind == JsonValueKind.Number
            && state.Get("done").GetInt64() >= state.Get("total").GetInt64();
    }

    private static string Progress(JsonElement state)
        => state.Get("total").ValueKind == JsonValueKind.Number ? $"{Terminal.Number(state.Get("done"))} of {Terminal.Number(state.Get("total"))} submissions" : state.String("status") ?? "";

    private static string Rank(JsonElement change, params string[] names)
        => names.Select(name => change.Get(name)).FirstOrDefault(v => v.ValueKind == JsonValueKind.Number) is { ValueKind: JsonValueKind.Number } rank ? rank.ToString() : "–";
}
