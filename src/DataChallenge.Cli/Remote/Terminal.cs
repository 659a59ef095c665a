using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DataChallenge.Cli.Remote;

internal static class Terminal
{
    public static IAnsiConsole Plain(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // A file or pipe has no width of its own; wide enough that tables do not wrap ids and dates.
        var terminal = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected;
        if (!terminal) console.Profile.Width = 200;
        return console;
    }

    public static void WriteJson(TextWriter writer, JsonElement document) => writer.WriteLine(JsonSerializer.Serialize(document, CliJson.Default.JsonElement));

    public static JsonElement Json(JsonObject document) => JsonSerializer.SerializeToElement(document, CliJson.Default.JsonObject);

    /// <summary>Part of a server's answer as a node, to place in a document of the CLI's own.</summary>
    public static JsonNode? Node(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(element),
        JsonValueKind.Array => JsonArray.Create(element),
        _ => JsonValue.Create(element),
    };

    /// <summary>A table whose cells are plain text: names chosen by users are never read as markup.</summary>
    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns) table.AddColumn(new TableColumn(new Text(column)));
        return table;
    }

    public static void AddRow(this Table table, params string?[] cells) => table.AddRow(cells.Select(c => (IRenderable)new Text(c ?? "")).ToArray());

    /// <summary>
    /// Runs <paramref name="work"/> with a callback that reports bytes done; draws a progress bar on stderr when it is
    /// a terminal, nothing otherwise.
    /// </summary>
    public static async Task WithProgressAsync(CliHost host, string description, long? total, Func<Action<long>, Task> work)
    {
        if (!host.Interactive)
        {
            await work(_ => { });
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total ?? 1));
                task.IsIndeterminate = total is null;
                await work(done => task.Value = done);
                task.Value = task.MaxValue;
            });
    }

    public static string Date(JsonElement value)
        => value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var date) ? date.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) : "";

    public static string Number(JsonElement value)
        => value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture) : "";

    public static string? String(this JsonElement element, string property)
        => element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static JsonElement Get(this JsonElement element, string property)
        => element.TryGetProperty(property, out var value) ? value : default;
}
