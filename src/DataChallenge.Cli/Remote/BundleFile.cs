using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DataChallenge.Cli.Remote;

/// <summary>
/// What <c>challenge push</c> needs from a bundle.yaml before sending it: the slug and the files it names beside it.
/// Read leniently: the server checks the bundle itself and answers with the line and column of any mistake.
/// </summary>
internal sealed record BundleFile(string? Slug, IReadOnlyList<(string Phase, string Path)> Labels, IReadOnlyList<string> PublicFiles,
    IReadOnlyList<CodeDataFolder> CodeData)
{
    public const string FileName = "bundle.yaml";

    /// <summary>Null when the text is not YAML the server could accept anyway.</summary>
    public static BundleFile? TryRead(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException)
        {
            return null;
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root) return null;

        var labels = new List<(string, string)>();
        var codeData = new List<CodeDataFolder>();
        foreach (var phase in Items(root, "phases").OfType<YamlMappingNode>())
        {
            if (Text(phase, "labels") is { } path) labels.Add((Text(phase, "name") ?? "", path));
            if (!phase.Children.TryGetValue(new YamlScalarNode("code"), out var code) || code is not YamlMappingNode settings) continue;
            foreach (var kind in CodeDataFolder.Kinds)
            {
                // Written as the server reads it: a trailing slash is allowed on a folder.
                if (Text(settings, kind.Key) is { } folder) codeData.Add(new CodeDataFolder(Text(phase, "name") ?? "", kind, folder.TrimEnd('/')));
            }
        }
        var files = Items(root, "public_files").OfType<YamlScalarNode>().Select(s => s.Value).OfType<string>().ToList();
        return new BundleFile(Text(root, "slug"), labels, files, codeData);
    }

    /// <summary>A path from the bundle, resolved against its folder.</summary>
    public static string Resolve(string bundlePath, string relative)
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(bundlePath))!, relative.Replace('/', Path.DirectorySeparatorChar)));

    private static IEnumerable<YamlNode> Items(YamlMappingNode mapping, string key)
        => mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode sequence ? sequence.Children : [];

    private static string? Text(YamlMappingNode mapping, string key)
        => mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;
}
