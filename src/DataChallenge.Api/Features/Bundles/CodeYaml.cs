using System.Globalization;
using DataChallenge.Api.Features.CodePhases;
using YamlDotNet.RepresentationModel;

namespace DataChallenge.Api.Features.Bundles;

/// <summary>
/// The <c>code:</c> mapping of a code phase: the settings <c>PUT /api/phases/{id}/code</c> takes, with sizes in MiB,
/// checked by the same rule as that endpoint, plus the folders of hidden inputs and smoke data that <c>challenge push</c> uploads.
/// </summary>
internal static class CodeYaml
{
    public static readonly string[] Keys =
    [
        "runtime", "wall_clock_seconds", "cpu_seconds", "memory_mb", "max_processes", "output_mb", "run_minutes_per_day", "smoke_runs_per_day",
        "predictions_file", "max_archive_mb", "inputs", "smoke_data",
    ];

    private const decimal BytesPerMb = 1024 * 1024;

    // 16 TiB: beyond any machine a run lands on, and far from the overflow of a byte count.
    private const decimal MaxMb = 16m * 1024 * 1024;

    public static BundleCode Read(YamlNode node)
    {
        var fields = YamlFields.Of(node, "the code of a phase", Keys);
        var settings = new CodeSettingsRequest(
            Runtime: fields.String("runtime", 100),
            WallClockSeconds: fields.Int("wall_clock_seconds", 1),
            CpuSeconds: fields.Int("cpu_seconds", 1),
            MemoryBytes: Bytes(fields, "memory_mb"),
            MaxProcesses: fields.Int("max_processes", 1),
            OutputBytes: Bytes(fields, "output_mb"),
            RunMinutesPerDay: fields.Int("run_minutes_per_day", 0),
            SmokeRunsPerDay: fields.Int("smoke_runs_per_day", 0),
            PredictionsFile: fields.String("predictions_file", 200),
            MaxArchiveBytes: Bytes(fields, "max_archive_mb"));
        // Each value alone through the endpoint's own check, so the refusal points at the key that broke it.
        (string Key, CodeSettingsRequest Alone)[] checks =
        [
            ("runtime", new(Runtime: settings.Runtime)),
            ("predictions_file", new(PredictionsFile: settings.PredictionsFile)),
            ("memory_mb", new(MemoryBytes: settings.MemoryBytes)),
            ("output_mb", new(OutputBytes: settings.OutputBytes)),
            ("max_archive_mb", new(MaxArchiveBytes: settings.MaxArchiveBytes)),
        ];
        foreach (var (key, alone) in checks)
        {
            if (CodeSettingsCheck.Refusal(alone) is { } refusal) throw fields.Bad(fields.Value(key)!, key, $"is refused: {refusal}");
        }
        return new BundleCode(settings, Folder(fields, "inputs"), Folder(fields, "smoke_data"));
    }

    public static YamlMappingNode Write(BundleCode code)
    {
        var s = code.Settings;
        var node = new YamlMappingNode();
        if (s.Runtime is { } runtime) Add(node, "runtime", YamlScalars.String(runtime));
        Add(node, "wall_clock_seconds", s.WallClockSeconds);
        Add(node, "cpu_seconds", s.CpuSeconds);
        Add(node, "memory_mb", Mb(s.MemoryBytes));
        Add(node, "max_processes", s.MaxProcesses);
        Add(node, "output_mb", Mb(s.OutputBytes));
        Add(node, "run_minutes_per_day", s.RunMinutesPerDay);
        Add(node, "smoke_runs_per_day", s.SmokeRunsPerDay);
        if (s.PredictionsFile is { } file) Add(node, "predictions_file", YamlScalars.String(file));
        Add(node, "max_archive_mb", Mb(s.MaxArchiveBytes));
        if (code.Inputs is { } inputs) Add(node, "inputs", YamlScalars.String(inputs));
        if (code.SmokeData is { } smoke) Add(node, "smoke_data", YamlScalars.String(smoke));
        return node;
    }

    private static long? Bytes(YamlFields fields, string key)
    {
        if (fields.PositiveDecimal(key) is not { } mb) return null;
        if (mb > MaxMb) throw fields.Bad(fields.Value(key)!, key, $"is at most {MaxMb.ToString("0", CultureInfo.InvariantCulture)}");
        return (long)Math.Round(mb * BytesPerMb);
    }

    private static string? Mb(long? bytes) => bytes is { } b ? (b / BytesPerMb).ToString("0.############################", CultureInfo.InvariantCulture) : null;

    // A folder inside the bundle's: the same rule as any file the bundle names.
    private static string? Folder(YamlFields fields, string key)
        => fields.Value(key) is { } node ? BundleYamlReader.RelativePath(node, key, folder: true) : null;

    private static void Add(YamlMappingNode node, string key, string? plain)
    {
        if (plain is not null) node.Add(YamlScalars.Plain(key), YamlScalars.Plain(plain));
    }

    private static void Add(YamlMappingNode node, string key, long? number) => Add(node, key, number?.ToString(CultureInfo.InvariantCulture));

    private static void Add(YamlMappingNode node, string key, YamlNode value) => node.Add(YamlScalars.Plain(key), value);
}
