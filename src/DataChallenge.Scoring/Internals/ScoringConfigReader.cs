using System.Text.Json;

namespace DataChallenge.Scoring.Internals;

/// <summary>Reads the snake_case JSON by hand so that unknown keys and wrong types get a precise message.</summary>
internal static class ScoringConfigReader
{
    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        "task_type", "id_column", "label_columns", "prediction_columns", "classes", "threshold", "cost_matrix",
        "height", "width", "metrics", "primary_metric", "split_column", "group_column",
    };

    public static ScoringConfig Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ScoringConfigException($"The scoring configuration is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ScoringConfigException("The scoring configuration must be a JSON object.");
            foreach (var property in root.EnumerateObject())
            {
                if (!KnownKeys.Contains(property.Name))
                    throw new ScoringConfigException(
                        $"Unknown key '{property.Name}' in the scoring configuration; known keys are {string.Join(", ", KnownKeys)}.");
            }

            return new ScoringConfig
            {
                TaskType = RequiredString(root, "task_type"),
                IdColumn = RequiredString(root, "id_column"),
                LabelColumns = RequiredStrings(root, "label_columns"),
                PredictionColumns = RequiredStrings(root, "prediction_columns"),
                Classes = OptionalClasses(root),
                Threshold = OptionalNumber(root, "threshold") ?? 0.5,
                CostMatrix = OptionalMatrix(root, "cost_matrix"),
                Height = OptionalInt(root, "height"),
                Width = OptionalInt(root, "width"),
                Metrics = RequiredStrings(root, "metrics"),
                PrimaryMetric = RequiredString(root, "primary_metric"),
                SplitColumn = OptionalString(root, "split_column"),
                GroupColumn = OptionalString(root, "group_column"),
            };
        }
    }

    public static string Write(ScoringConfig config)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("task_type", config.TaskType);
            writer.WriteString("id_column", config.IdColumn);
            WriteStrings(writer, "label_columns", config.LabelColumns);
            WriteStrings(writer, "prediction_columns", config.PredictionColumns);
            if (config.Classes is not null) WriteStrings(writer, "classes", config.Classes);
            writer.WriteNumber("threshold", config.Threshold);
            if (config.CostMatrix is not null)
            {
                writer.WriteStartArray("cost_matrix");
                foreach (var row in config.CostMatrix)
                {
                    writer.WriteStartArray();
                    foreach (var cost in row) writer.WriteNumberValue(cost);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }

            if (config.Height is { } height) writer.WriteNumber("height", height);
            if (config.Width is { } width) writer.WriteNumber("width", width);
            WriteStrings(writer, "metrics", config.Metrics);
            writer.WriteString("primary_metric", config.PrimaryMetric);
            if (config.SplitColumn is not null) writer.WriteString("split_column", config.SplitColumn);
            if (config.GroupColumn is not null) writer.WriteString("group_column", config.GroupColumn);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteStrings(Utf8JsonWriter writer, string key, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(key);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    private static string RequiredString(JsonElement root, string key)
        => OptionalString(root, key) ?? throw new ScoringConfigException($"The scoring configuration needs '{key}'.");

    private static string? OptionalString(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new ScoringConfigException($"'{key}' must be a string.");
        return value.GetString()!;
    }

    private static string[] RequiredStrings(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            throw new ScoringConfigException($"The scoring configuration needs '{key}'.");
        if (value.ValueKind != JsonValueKind.Array)
            throw new ScoringConfigException($"'{key}' must be a list of strings.");
        return value.EnumerateArray()
            .Select(item => item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new ScoringConfigException($"'{key}' must be a list of strings."))
            .ToArray();
    }

    // Class names may be JSON numbers; their text is kept as written so that 0 matches a 0 in the files.
    private static string[]? OptionalClasses(JsonElement root)
    {
        if (!root.TryGetProperty("classes", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array)
            throw new ScoringConfigException("'classes' must be a list of class names.");
        return value.EnumerateArray()
            .Select(item => item.ValueKind switch
            {
                JsonValueKind.String => item.GetString()!,
                JsonValueKind.Number => item.GetRawText(),
                _ => throw new ScoringConfigException("'classes' must hold strings or numbers."),
            })
            .ToArray();
    }

    private static double? OptionalNumber(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number)
            throw new ScoringConfigException($"'{key}' must be a number.");
        return value.GetDouble();
    }

    private static int? OptionalInt(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            throw new ScoringConfigException($"'{key}' must be a whole number.");
        return number;
    }

    private static double[][]? OptionalMatrix(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array)
            throw new ScoringConfigException($"'{key}' must be a list of rows of numbers.");
        return value.EnumerateArray()
            .Select(row => row.ValueKind == JsonValueKind.Array
                ? row.EnumerateArray()
                    .Select(cell => cell.ValueKind == JsonValueKind.Number
                        ? cell.GetDouble()
                        : throw new ScoringConfigException($"'{key}' must hold numbers only."))
                    .ToArray()
                : throw new ScoringConfigException($"'{key}' must be a list of rows of numbers."))
            .ToArray();
    }
}
