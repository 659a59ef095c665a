using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataChallenge.Cli.Remote;

namespace DataChallenge.Cli.Commands;

/// <summary><c>datachallenge reveal SLUG --phase P</c>: publishes a phase's private leaderboard now (organisers).</summary>
internal static class RevealCommand
{
    public static Command Create(CliHost host)
    {
        var slug = new Argument<string>("slug") { Description = "The challenge's short name." };
        var phase = new Option<string?>("--phase") { Description = "Phase name or id; defaults to the only open phase." };
        var json = new Option<bool>("--json") { Description = "Print the server's answer as one JSON document on stdout." };
        var command = new Command("reveal", "Reveal a phase's private leaderboard to everyone (organisers).") { slug, phase, json };
        RemoteCall.Attach(command, host, async (call, cancellationToken) =>
        {
            call.RequireToken();
            var (_, chosen) = await PhaseChoice.ResolveAsync(call.Api, call.Parse.GetRequiredValue(slug), call.Parse.GetValue(phase), cancellationToken);
            using var response = await call.Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"api/phases/{chosen.String("id")}/reveal"), cancellationToken);
            var answer = await JsonBody.ReadAsync(response, cancellationToken);
            if (call.Parse.GetValue(json)) Terminal.WriteJson(call.Output, answer ?? Terminal.Json(new JsonObject { ["phaseId"] = chosen.String("id"), ["revealed"] = true }));
            else if (answer?.Get("alreadyRevealed").ValueKind == JsonValueKind.True)
                call.Output.WriteLine($"The private leaderboard of phase '{chosen.String("name")}' was already revealed ({Terminal.Date(answer.Value.Get("revealedAt"))}).");
            else call.Output.WriteLine($"Revealed the private leaderboard of phase '{chosen.String("name")}'.");
            return ExitCodes.Success;
        });
        return command;
    }
}
