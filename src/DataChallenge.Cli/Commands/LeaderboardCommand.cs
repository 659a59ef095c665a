using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DataChallenge.Cli.Remote;

namespace DataChallenge.Cli.Commands;

/// <summary><c>datachallenge leaderboard SLUG</c>: the public board, as a table, CSV or JSON.</summary>
internal static class LeaderboardCommand
{
    public static Command Create(CliHost host)
    {
        var slug = new Argument<string>("slug") { Description = "The challenge's short name." };
        var phase = new Option<string?>("--phase") { Description = "Phase name or id; defaults to the only open phase." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var csv = new Option<bool>("--csv") { Description = "Print the board as CSV." };
        var command = new Command("leaderboard", "Show a phase's public leaderboard.") { slug, phase, json, csv };
        RemoteCall.Attach(command, host, async (call, cancellationToken) =>
        {
            var (_, chosen) = await PhaseChoice.ResolveAsync(call.Api, call.Parse.GetRequiredValue(slug), call.Parse.GetValue(phase), cancellationToken);
            var board = await call.Api.GetJsonAsync($"api/phases/{chosen.String("id")}/leaderboard", cancellationToken);
            if (call.Parse.GetValue(json)) Terminal.WriteJson(call.Output, board);
            else if (call.Parse.GetValue(csv)) WriteCsv(board, call.Output);
            else WriteTable(board, chosen, call);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteTable(JsonElement board, JsonElement phase, RemoteCall call)
    {
        var metric = board.String("primaryMetric") ?? "score";
        var direction = board.Get("higherIsBetter").ValueKind == JsonValueKind.True ? "higher is better" : "lower is better";
        call.Output.WriteLine($"{phase.String("name")}: {metric} ({direction}), public split");
        var table = Terminal.Table("Rank", "Team", metric, "95 % interval", "Entries", "Last entry");
        foreach (var row in board.Get("rows").EnumerateArray())
        {
            var interval = row.Get("intervalLower").ValueKind == JsonValueKind.Number
                ? $"{Terminal.Number(row.Get("intervalLower"))} – {Terminal.Number(row.Get("intervalUpper"))}" : "";
            table.AddRow(row.Get("rank").ToString(), row.String("team"), Terminal.Number(row.Get("score")), interval, row.Get("entries").ToString(), Terminal.Date(row.Get("lastSubmittedAt")));
        }
        call.Console.Write(table);
    }

    private static void WriteCsv(JsonElement board, TextWriter output)
    {
        output.WriteLine("rank,team,score,interval_lower,interval_upper,entries,last_submitted_at");
        foreach (var row in board.Get("rows").EnumerateArray())
        {
            string Raw(string name) => row.Get(name).ValueKind == JsonValueKind.Number ? row.Get(name).GetRawText() : "";
            var last = row.Get("lastSubmittedAt").TryGetDateTimeOffset(out var at) ? at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) : "";
            output.WriteLine(string.Join(',', Raw("rank"), Quote(row.String("team") ?? ""), Raw("score"), Raw("intervalLower"), Raw("intervalUpper"), Raw("entries"), last));
        }
    }

    private static string Quote(string value)
        => value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
