using System.CommandLine;
using DataChallenge.Cli.Remote;

namespace DataChallenge.Cli.Commands;

/// <summary><c>datachallenge submissions list SLUG</c>: your team's submissions to a phase, newest first.</summary>
internal static class SubmissionsCommand
{
    public static Command Create(CliHost host)
    {
        var slug = new Argument<string>("slug") { Description = "The challenge's short name." };
        var phase = new Option<string?>("--phase") { Description = "Phase name or id; defaults to the only open phase." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var list = new Command("list", "Your team's submissions to a phase, newest first.") { slug, phase, json };
        RemoteCall.Attach(list, host, async (call, cancellationToken) =>
        {
            call.RequireToken();
            var (_, chosen) = await PhaseChoice.ResolveAsync(call.Api, call.Parse.GetRequiredValue(slug), call.Parse.GetValue(phase), cancellationToken);
            var submissions = await call.Api.GetJsonAsync($"api/phases/{chosen.String("id")}/submissions", cancellationToken);
            if (call.Parse.GetValue(json))
            {
                Terminal.WriteJson(call.Output, submissions);
                return ExitCodes.Success;
            }
            var table = Terminal.Table("Id", "Received", "File", "Status", "Score", "Message");
            foreach (var s in submissions.EnumerateArray())
                table.AddRow(s.String("id"), Terminal.Date(s.Get("receivedAt")), s.String("fileName"), s.String("status"), Terminal.Number(s.Get("score")), s.String("message"));
            call.Console.Write(table);
            return ExitCodes.Success;
        });

        var command = new Command("submissions", "Your team's submissions.");
        command.Subcommands.Add(list);
        return command;
    }
}
