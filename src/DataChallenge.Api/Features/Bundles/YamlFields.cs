using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace DataChallenge.Api.Features.Bundles;

/// <summary>
/// One YAML mapping read strictly: only the keys it names are allowed, and every value is checked where it stands, so
/// a refusal points at the line and column to fix.
/// </summary>
internal sealed class YamlFields
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries;
    private readonly string _what;

    private YamlFields(YamlNode node, string what, Dictionary<string, (YamlScalarNode, YamlNode)> entries)
    {
        Node = node;
        _what = what;
        _entries = entries;
    }

    public YamlNode Node { get; }

    public static YamlFields Of(YamlNode node, string what, params string[] keys)
    {
        if (node is not YamlMappingNode mapping) throw new BundleFormatException(node.Start, $"{Capitalised(what)} must be a mapping of keys to values.");
        var entries = new Dictionary<string, (YamlScalarNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } scalar) throw new BundleFormatException(key.Start, $"A key in {what} must be a name.");
            if (!keys.Contains(name, StringComparer.Ordinal))
                throw new BundleFormatException(key.Start, $"Unknown key '{name}' in {what}; the keys are: {string.Join(", ", keys)}.");
            entries[name] = (scalar, value);
        }
        return new YamlFields(node, what, entries);
    }

    /// <summary>The value, or null when the key is absent or its value is null.</summary>
    public YamlNode? Value(string key)
        => _entries.TryGetValue(key, out var entry) && !YamlScalars.IsNull(entry.Value) ? entry.Value : null;

    public string? String(string key, int maxLength)
    {
        if (Value(key) is not { } node) return null;
        var text = ScalarOf(key, node).Value ?? "";
        if (text.Length > maxLength) throw Bad(node, key, $"has at most {maxLength:N0} characters");
        return text;
    }

    public string RequiredString(string key, int maxLength)
    {
        var text = String(key, maxLength)?.Trim();
        if (string.IsNullOrEmpty(text)) throw Missing(key);
        return text;
    }

    public int? Int(string key, int minimum)
    {
        if (Value(key) is not { } node) return null;
        var scalar = ScalarOf(key, node);
        if (YamlScalars.IsQuoted(scalar) || !int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw Bad(node, key, "is a whole number");
        if (value < minimum) throw Bad(node, key, $"is at least {minimum}");
        return value;
    }

    public decimal? PositiveDecimal(string key)
    {
        if (Value(key) is not { } node) return null;
        var scalar = ScalarOf(key, node);
        if (YamlScalars.IsQuoted(scalar) || !YamlScalars.IsJsonNumber(scalar.Value ?? "")
            || !decimal.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw Bad(node, key, "is a number");
        if (value <= 0) throw Bad(node, key, "is greater than 0");
        return value;
    }

    public bool? Bool(string key)
    {
        if (Value(key) is not { } node) return null;
        var scalar = ScalarOf(key, node);
        return YamlScalars.IsQuoted(scalar) ? throw Bad(node, key, "is true or false") : YamlScalars.BoolOf(scalar.Value ?? "") ?? throw Bad(node, key, "is true or false");
    }

    /// <summary>An instant such as <c>2026-03-01T00:00:00Z</c>; without an offset it is taken as UTC.</summary>
    public DateTimeOffset? Instant(string key)
    {
        if (Value(key) is not { } node) return null;
        var text = ScalarOf(key, node).Value ?? "";
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw Bad(node, key, "is an instant such as 2026-03-01T00:00:00Z");
    }

    public IReadOnlyList<YamlNode> Sequence(string key)
    {
        if (Value(key) is not { } node) return [];
        return node is YamlSequenceNode sequence ? sequence.Children.ToList() : throw Bad(node, key, "is a list");
    }

    public BundleFormatException Missing(string key) => new(Node.Start, $"{Capitalised(_what)} needs '{key}'.");

    public BundleFormatException Bad(YamlNode node, string key, string rule) => new(node.Start, $"'{key}' in {_what} {rule}.");

    private YamlScalarNode ScalarOf(string key, YamlNode node) => node as YamlScalarNode ?? throw Bad(node, key, "is a single value");

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
