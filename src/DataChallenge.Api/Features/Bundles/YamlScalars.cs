using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DataChallenge.Api.Features.Bundles;

/// <summary>
/// What an unquoted YAML scalar means, after the YAML 1.2 core schema restricted to JSON's own literals: the one rule
/// both the reader and the writer follow, so a string that looks like a number is quoted on the way out.
/// </summary>
internal static partial class YamlScalars
{
    public static bool IsNull(YamlNode node)
        => node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar && IsNullText(scalar.Value ?? "");

    public static bool IsQuoted(YamlScalarNode scalar) => scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any);

    public static bool IsNullText(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    public static bool? BoolOf(string text) => text switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    public static bool IsJsonNumber(string text) => JsonNumber().IsMatch(text);

    /// <summary>A string scalar that reads back as the same string, quoted only when plain would mean something else.</summary>
    public static YamlScalarNode String(string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal) && !value.Contains('\r', StringComparison.Ordinal))
            return new YamlScalarNode(value) { Style = ScalarStyle.Literal };
        var ambiguous = IsNullText(value) || BoolOf(value) is not null || IsJsonNumber(value) || LooksTyped().IsMatch(value);
        return new YamlScalarNode(value) { Style = ambiguous ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };
    }

    /// <summary>A scalar written without quotes: numbers, booleans, instants.</summary>
    public static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    // Other spellings YAML 1.1 readers take for numbers or booleans (yes, off, .5, +1, 0x1F, .inf): quoted for them too.
    [GeneratedRegex(@"^([+-]?(\.[0-9]|[0-9])[0-9a-fA-FxXoO_.:+-]*|[+-]?\.(inf|Inf|INF|nan|NaN|NAN)|y|Y|n|N|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$", RegexOptions.CultureInvariant)]
    private static partial Regex LooksTyped();
}
