using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataChallenge.Cli.Remote;

namespace DataChallenge.Cli.Commands;

/// <summary><c>datachallenge challenges list|show</c>.</summary>
internal static class ChallengesCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("challenges", "Browse the platform's challenges.");

        var listJson = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var list = new Command("list", "Every challenge with its phases.") { listJson };
        RemoteCall.Attach(list, host, async (call, cancellationToken) =>
        {
            var challenges = await call.Api.GetJsonAsync("api/challenges", cancellationToken);
            if (call.Parse.GetValue(listJson))
            {
                Terminal.WriteJson(call.Output, challenges);
                return ExitCodes.Success;
            }
            var table = Terminal.Table("Slug", "Title", "Open phases");
            foreach (var c in challenges.EnumerateArray())
            {
                var open = c.Get("phases").EnumerateArray().Where(p => p.Get("isOpen").ValueKind == JsonValueKind.True).Select(p => p.String("name"));
                table.AddRow(c.String("slug"), c.String("title"), string.Join(", ", open));
            }
            call.Console.Write(table);
            return ExitCodes.Success;
        });

        var slug = new Argument<string>("slug") { Description = "The challenge's short name." };
        var showJson = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var show = new Command("show", "One challenge: its description, phases and public files.") { slug, showJson };
        RemoteCall.Attach(show, host, async (call, cancellationToken) =>
        {
            var name = call.Parse.GetRequiredValue(slug);
            var challenge = await call.Api.GetJsonAsync($"api/challenges/{Uri.EscapeDataString(name)}", cancellationToken);
            var files = await call.Api.GetJsonAsync($"api/challenges/{Uri.EscapeDataString(name)}/files", cancellationToken);
            if (call.Parse.GetValue(showJson))
            {
                Terminal.WriteJson(call.Output, Terminal.Json(new JsonObject { ["challenge"] = Terminal.Node(challenge), ["files"] = Terminal.Node(files) }));
                return ExitCodes.Success;
            }
            call.Output.WriteLine($"{challenge.String("title")} ({challenge.String("slug")})");
            if (!string.IsNullOrWhiteSpace(challenge.String("description"))) call.Output.WriteLine(challenge.String("description"));
            var phases = Terminal.Table("Phase", "Id", "Opens", "Closes", "Open");
            foreach (var p in challenge.Get("phases").EnumerateArray())
                phases.AddRow(p.String("name"), p.String("id"), Terminal.Date(p.Get("opensAt")), Terminal.Date(p.Get("closesAt")), p.Get("isOpen").ValueKind == JsonValueKind.True ? "yes" : "no");
            call.Console.Write(phases);
            var table = Terminal.Table("File", "Bytes", "Description");
            foreach (var f in files.EnumerateArray()) table.AddRow(f.String("name"), f.Get("sizeBytes").ToString(), f.String("description"));
            if (files.GetArrayLength() > 0) call.Console.Write(table);
            return ExitCodes.Success;
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        return command;
    }
}
