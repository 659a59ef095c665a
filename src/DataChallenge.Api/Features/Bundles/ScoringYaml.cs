using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace DataChallenge.Api.Features.Bundles;

/// <summary>
/// The scoring configuration is a JSON document on a phase and a YAML mapping in a bundle: the same tree, converted
/// both ways without changing a key's order or a number's spelling.
/// </summary>
public static class ScoringYaml
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJson(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact)) Write(writer, node);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static YamlNode FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return NodeOf(document.RootElement);
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                        throw new BundleFormatException(key.Start, "A key in the scoring configuration must be a name.");
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children) Write(writer, item);
                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                var text = scalar.Value ?? "";
                if (YamlScalars.IsQuoted(scalar)) writer.WriteStringValue(text);
                else if (YamlScalars.IsNullText(text)) writer.WriteNullValue();
                else if (YamlScalars.BoolOf(text) is { } flag) writer.WriteBooleanValue(flag);
                else if (YamlScalars.IsJsonNumber(text)) writer.WriteRawValue(text);
                else writer.WriteStringValue(text);
                break;
            default:
                throw new BundleFormatException(node.Start, "Aliases are not supported in a bundle.");
        }
    }

    private static YamlNode NodeOf(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var mapping = new YamlMappingNode();
                foreach (var property in element.EnumerateObject()) mapping.Add(YamlScalars.String(property.Name), NodeOf(property.Value));
                return mapping;
            case JsonValueKind.Array:
                var items = element.EnumerateArray().Select(NodeOf).ToList();
                // Short lists of names or numbers read best on one line: metrics: [roc_auc, log_loss].
                var flat = items.All(i => i is YamlScalarNode { Style: not ScalarStyle.Literal });
                return new YamlSequenceNode(items) { Style = flat ? SequenceStyle.Flow : SequenceStyle.Block };
            case JsonValueKind.String:
                return YamlScalars.String(element.GetString()!);
            case JsonValueKind.Number:
                return YamlScalars.Plain(element.GetRawText());
            case JsonValueKind.True:
                return YamlScalars.Plain("true");
            case JsonValueKind.False:
                return YamlScalars.Plain("false");
            default:
                return YamlScalars.Plain("null");
        }
    }
}
