using System.Text.Json;

namespace DataChallenge.Sandbox;

/// <summary>
/// Reads a program's <c>scores.json</c> strictly: one flat object, known metric names only, every configured metric
/// present, finite numbers only, a small size. Anything else is the organiser's program failing, not a score.
/// </summary>
public static class ScoresFile
{
    public const string FileName = "scores.json";
    public const int MaxBytes = 64 * 1024;

    /// <exception cref="ProgramOutputException">The file is missing, too large, not a regular file, or breaks a rule.</exception>
    public static IReadOnlyDictionary<string, double> Read(string outputFolder, IReadOnlyCollection<string> metrics)
    {
        var bytes = ProgramOutputFile.TryRead(Path.Combine(outputFolder, FileName), MaxBytes)
            ?? throw new ProgramOutputException($"The program wrote no {FileName}.");
        return Parse(bytes, metrics);
    }

    /// <exception cref="ProgramOutputException">The content breaks a rule.</exception>
    public static IReadOnlyDictionary<string, double> Parse(ReadOnlySpan<byte> utf8, IReadOnlyCollection<string> metrics)
    {
        if (utf8.Length > MaxBytes) throw new ProgramOutputException($"{FileName} is larger than {MaxBytes} bytes.");
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 2 });
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new ProgramOutputException($"{FileName} must hold one JSON object of metric name to number.");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString()!;
                if (!metrics.Contains(name))
                    throw new ProgramOutputException($"{FileName} names the metric '{Shorten(name)}', which the phase does not list ({string.Join(", ", metrics)}).");
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value) || !double.IsFinite(value))
                    throw new ProgramOutputException($"The value of '{name}' in {FileName} must be a finite number.");
                if (!scores.TryAdd(name, value)) throw new ProgramOutputException($"{FileName} gives '{name}' twice.");
            }

            if (reader.Read()) throw new ProgramOutputException($"{FileName} holds something after its object.");
        }
        catch (JsonException e)
        {
            throw new ProgramOutputException($"{FileName} is not valid JSON: {e.Message}");
        }

        var missing = metrics.Where(m => !scores.ContainsKey(m)).ToList();
        if (missing.Count > 0) throw new ProgramOutputException($"{FileName} lacks the metric(s) {string.Join(", ", missing)}.");
        return scores;
    }

    private static string Shorten(string text) => text.Length > 64 ? text[..64] + "…" : text;
}

/// <summary>A program ran but its output cannot be used; the message is for the organiser.</summary>
public sealed class ProgramOutputException(string message) : Exception(message);
