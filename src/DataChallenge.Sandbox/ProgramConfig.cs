using System.Text.Json;
using System.Text.RegularExpressions;

namespace DataChallenge.Sandbox;

/// <summary>
/// A phase's scoring configuration when an organiser program scores it: <c>{"program": {...}}</c> (snake_case JSON).
/// The archive is stored at <see cref="ArchiveKey(Guid)"/> in the hidden-labels bucket.
/// </summary>
public sealed partial record ProgramConfig
{
    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        "archive", "command", "runtime", "metrics", "primary_metric", "higher_is_better", "split_column",
    };

    /// <summary>The archive version, "v1", "v2"…</summary>
    public required string Archive { get; init; }

    /// <summary>The number in <see cref="Archive"/>: 3 for "v3".</summary>
    public int ArchiveVersion => int.Parse(Archive.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Run by <c>/bin/sh -c</c> in the program folder; $input, $output and $program name the job folders.</summary>
    public required string Command { get; init; }

    /// <summary>A runtime the worker knows (e.g. "python"): a container image, or the host's runtime under bubblewrap.</summary>
    public required string Runtime { get; init; }

    /// <summary>The metric names scores.json must hold, and the only ones it may hold.</summary>
    public required IReadOnlyList<string> Metrics { get; init; }

    public required string PrimaryMetric { get; init; }
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>The labels column (values Public / Private) by which the worker runs the program once per split.</summary>
    public string? SplitColumn { get; init; }

    /// <summary>True when the configuration document names a program rather than a built-in task.</summary>
    public static bool IsProgram(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("program", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Object key of a program archive version in the hidden-labels bucket.</summary>
    public static string ArchiveKeyOf(Guid phaseId, int version) => $"phases/{phaseId:N}/program/v{version}.zip";

    public string ArchiveKey(Guid phaseId) => $"phases/{phaseId:N}/program/{Archive}.zip";

    /// <summary>Parses and checks a <c>{"program": {...}}</c> document.</summary>
    /// <exception cref="ProgramConfigException">Unknown keys, wrong types or inconsistent metrics.</exception>
    public static ProgramConfig Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ProgramConfigException($"The scoring configuration is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("program", out var program))
                throw new ProgramConfigException("The scoring configuration must be an object with a 'program' key.");
            if (root.EnumerateObject().Count() != 1)
                throw new ProgramConfigException("A program configuration holds only the 'program' key.");
            return ParseProgram(program);
        }
    }

    /// <summary>Parses the inner program object (without the <c>{"program": …}</c> wrapper).</summary>
    public static ProgramConfig ParseProgram(JsonElement program)
    {
        if (program.ValueKind != JsonValueKind.Object) throw new ProgramConfigException("'program' must be an object.");
        foreach (var property in program.EnumerateObject())
        {
            if (!KnownKeys.Contains(property.Name))
                throw new ProgramConfigException($"Unknown key '{property.Name}' in 'program'; known keys are {string.Join(", ", KnownKeys)}.");
        }

        var config = new ProgramConfig
        {
            Archive = OptionalString(program, "archive") ?? "v1",
            Command = RequiredString(program, "command"),
            Runtime = RequiredString(program, "runtime"),
            Metrics = RequiredStrings(program, "metrics"),
            PrimaryMetric = RequiredString(program, "primary_metric"),
            HigherIsBetter = OptionalBool(program, "higher_is_better") ?? true,
            SplitColumn = OptionalString(program, "split_column"),
        };
        config.Validate();
        return config;
    }

    /// <summary>Checks a configuration built in code; <see cref="Parse"/> already does this.</summary>
    public void Validate()
    {
        if (!ArchivePattern().IsMatch(Archive)) throw new ProgramConfigException("'archive' is a version such as \"v1\".");
        if (string.IsNullOrWhiteSpace(Command) || Command.Length > 1000 || Command.Contains('\0'))
            throw new ProgramConfigException("'command' holds 1 to 1000 characters.");
        if (!RuntimePattern().IsMatch(Runtime)) throw new ProgramConfigException("'runtime' is a short lower-case name such as \"python\".");
        if (Metrics.Count is 0 or > 50) throw new ProgramConfigException("'metrics' lists 1 to 50 metric names.");
        foreach (var metric in Metrics)
        {
            if (!MetricPattern().IsMatch(metric))
                throw new ProgramConfigException($"The metric name '{metric}' must be 1 to 64 letters, digits, '_', '-' or '.'.");
        }

        if (Metrics.Distinct(StringComparer.Ordinal).Count() != Metrics.Count) throw new ProgramConfigException("'metrics' lists a name twice.");
        if (!Metrics.Contains(PrimaryMetric, StringComparer.Ordinal))
            throw new ProgramConfigException($"The primary metric '{PrimaryMetric}' must be one of 'metrics'.");
        if (SplitColumn is { Length: 0 }) throw new ProgramConfigException("'split_column' must not be empty.");
    }

    /// <summary>The configuration as the document <see cref="Parse"/> reads.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("program");
            writer.WriteString("archive", Archive);
            writer.WriteString("command", Command);
            writer.WriteString("runtime", Runtime);
            writer.WriteStartArray("metrics");
            foreach (var metric in Metrics) writer.WriteStringValue(metric);
            writer.WriteEndArray();
            writer.WriteString("primary_metric", PrimaryMetric);
            writer.WriteBoolean("higher_is_better", HigherIsBetter);
            if (SplitColumn is not null) writer.WriteString("split_column", SplitColumn);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string RequiredString(JsonElement root, string key)
        => OptionalString(root, key) ?? throw new ProgramConfigException($"'program' needs '{key}'.");

    private static string? OptionalString(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new ProgramConfigException($"'{key}' must be a string.");
    }

    private static bool? OptionalBool(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ProgramConfigException($"'{key}' must be true or false."),
        };
    }

    private static string[] RequiredStrings(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind != JsonValueKind.Array)
            throw new ProgramConfigException($"'program' needs '{key}', a list of strings.");
        return value.EnumerateArray()
            .Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new ProgramConfigException($"'{key}' must be a list of strings."))
            .ToArray();
    }

    [GeneratedRegex("^v[1-9][0-9]{0,8}$")]
    private static partial Regex ArchivePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex RuntimePattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    private static partial Regex MetricPattern();
}

/// <summary>A program configuration was refused; the message says why.</summary>
public sealed class ProgramConfigException(string message) : Exception(message);
