using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataChallenge.Cli.Remote;

namespace DataChallenge.Cli.Commands;

/// <summary>
/// <c>datachallenge rescore SLUG --phase P [--wait]</c>: rescores every successful submission of a phase against its
/// current labels and configuration; with <c>--wait</c> it follows the progress and prints the ranks that changed.
/// </summary>
internal static class RescoreCommand
{
    // "none" only when no run exists, which a POST rules out; it ends the wait rather than looping on it.
    private static readonly string[] Finished = ["completed", "none"];

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
                if (call.Parse.GetValue(json)) Terminal.WriteJson(call.Output, state ?? Terminal.Json(new JsonObject { ["status"] = "Started" }));
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
        if (json)
        {
            Terminal.WriteJson(call.Output, state);
            return ExitCodes.Success;
        }
        var changes = state.Get("rankChanges").ValueKind == JsonValueKind.Array ? state.Get("rankChanges").EnumerateArray().Where(Changed).ToList() : [];
        call.Output.WriteLine($"Rescored phase '{phase}' ({Progress(state)}); {(changes.Count == 1 ? "1 team changed rank" : $"{changes.Count} teams changed rank")}.");
        if (changes.Count == 0) return ExitCodes.Success;
        var table = Terminal.Table("Team", "Public before", "Public after", "Private before", "Private after");
        foreach (var change in changes)
        {
            table.AddRow(change.String("team"), Rank(change, "publicRankBefore"), Rank(change, "publicRankAfter"),
                Rank(change, "privateRankBefore"), Rank(change, "privateRankAfter"));
        }
        call.Console.Write(table);
        return ExitCodes.Success;
    }

    private static bool IsOver(JsonElement state) => state.String("status") is { } status && Finished.Contains(status.ToLowerInvariant());

    private static string Progress(JsonElement state) => $"{Terminal.Number(state.Get("done"))} of {Terminal.Number(state.Get("total"))} submissions";

    private static bool Changed(JsonElement change)
        => change.Get("changed").ValueKind == JsonValueKind.True
            || Rank(change, "publicRankBefore") != Rank(change, "publicRankAfter") || Rank(change, "privateRankBefore") != Rank(change, "privateRankAfter");

    // A missing rank (the team was not on that board) shows as a dash.
    private static string Rank(JsonElement change, string name) => change.Get(name) is { ValueKind: JsonValueKind.Number } rank ? rank.ToString() : "–";
}
