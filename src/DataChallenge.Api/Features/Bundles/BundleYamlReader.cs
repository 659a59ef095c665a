using System.Text.RegularExpressions;
using DataChallenge.Scoring;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DataChallenge.Api.Features.Bundles;

/// <summary>Reads <c>bundle.yaml</c> strictly: unknown keys and bad values are refused with their line and column.</summary>
public static partial class BundleYamlReader
{
    public const int MaxTextLength = 200_000;

    private static readonly string[] ChallengeKeys =
        ["slug", "title", "description", "terms", "visibility", "requires_approval", "max_team_size", "phases", "public_files"];

    private static readonly string[] PhaseKeys = ["name", "kind", "opens_at", "closes_at", "scoring", "rules", "labels", "code"];

    private static readonly string[] RuleKeys = ["max_submissions_per_day", "max_submissions_total", "max_file_mb", "max_final_submissions"];

    private static readonly string[] Kinds = ["predictions", "code"];

    private static readonly string[] Visibilities = ["draft", "public", "unlisted"];

    /// <exception cref="BundleFormatException">The text is not YAML, or not a valid bundle.</exception>
    public static Bundle Read(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new BundleFormatException(e.Start, ReasonOf(e));
        }
        if (stream.Documents.Count != 1) throw new BundleFormatException(new Mark(0, 1, 1), "A bundle is exactly one YAML document.");
        var root = stream.Documents[0].RootNode;
        RefuseAnchorsAndTags(root);

        var fields = YamlFields.Of(root, "the bundle", ChallengeKeys);
        var slug = fields.RequiredString("slug", 64);
        if (!SlugPattern().IsMatch(slug))
            throw fields.Bad(fields.Value("slug")!, "slug", "has 3 to 64 lower-case letters, digits and dashes, starting with a letter or digit");
        var visibility = fields.String("visibility", 20);
        if (visibility is not null && !Visibilities.Contains(visibility, StringComparer.Ordinal))
            throw fields.Bad(fields.Value("visibility")!, "visibility", "is draft, public or unlisted");

        var phases = fields.Sequence("phases").Select(ReadPhase).ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < phases.Count; i++)
        {
            if (!names.Add(phases[i].Name))
                throw new BundleFormatException(fields.Sequence("phases")[i].Start, $"Two phases are called '{phases[i].Name}'; phases are matched by name.");
        }

        var publicFiles = new List<string>();
        var fileNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in fields.Sequence("public_files"))
        {
            var path = RelativePath(node, "public_files");
            var name = Path.GetFileName(path);
            if (name.Length > 200 || name.StartsWith('.'))
                throw new BundleFormatException(node.Start, "A public file's name has at most 200 characters and does not start with a dot.");
            if (!fileNames.Add(name)) throw new BundleFormatException(node.Start, $"Two public files are called '{name}'.");
            publicFiles.Add(path);
        }

        return new Bundle
        {
            Slug = slug,
            Title = fields.RequiredString("title", 200),
            Description = Lines(fields.String("description", MaxTextLength)) ?? "",
            Terms = Lines(fields.String("terms", MaxTextLength)),
            Visibility = visibility,
            RequiresApproval = fields.Bool("requires_approval"),
            MaxTeamSize = fields.Int("max_team_size", 1),
            Phases = phases,
            PublicFiles = publicFiles,
        };
    }

    private static BundlePhase ReadPhase(YamlNode node)
    {
        var fields = YamlFields.Of(node, "a phase", PhaseKeys);
        var name = fields.RequiredString("name", 100);
        var opensAt = fields.Instant("opens_at") ?? throw fields.Missing("opens_at");
        var closesAt = fields.Instant("closes_at");
        if (closesAt <= opensAt) throw fields.Bad(fields.Value("closes_at")!, "closes_at", "comes after opens_at");

        var scoring = fields.Value("scoring") ?? throw fields.Missing("scoring");
        if (scoring is not YamlMappingNode) throw fields.Bad(scoring, "scoring", "is a mapping (task_type, id_column, metrics, …)");
        var json = ScoringYaml.ToJson(scoring);
        try
        {
            ScoringConfig.Parse(json);
        }
        catch (ScoringConfigException e)
        {
            throw new BundleFormatException(scoring.Start, $"The scoring configuration of phase '{name}' is not valid: {e.Message}");
        }

        var rules = new BundleRules();
        if (fields.Value("rules") is { } rulesNode)
        {
            var ruleFields = YamlFields.Of(rulesNode, "the rules of a phase", RuleKeys);
            rules = new BundleRules
            {
                MaxSubmissionsPerDay = ruleFields.Int("max_submissions_per_day", 1),
                MaxSubmissionsTotal = ruleFields.Int("max_submissions_total", 1),
                MaxFileMb = ruleFields.PositiveDecimal("max_file_mb"),
                MaxFinalSubmissions = ruleFields.Int("max_final_submissions", 1),
            };
        }

        var kind = fields.String("kind", 20);
        if (kind is not null && !Kinds.Contains(kind, StringComparer.Ordinal)) throw fields.Bad(fields.Value("kind")!, "kind", "is predictions or code");
        var codeNode = fields.Value("code");
        if (codeNode is not null && kind != "code") throw fields.Bad(codeNode, "code", "belongs to a phase of kind: code");

        return new BundlePhase
        {
            Name = name, OpensAt = opensAt, ClosesAt = closesAt, ScoringJson = json, Rules = rules,
            Labels = fields.Value("labels") is { } labels ? RelativePath(labels, "labels") : null,
            Kind = kind,
            Code = kind != "code" ? null : codeNode is null ? new BundleCode(new(), null, null) : CodeYaml.Read(codeNode),
        };
    }

    // A path inside the bundle's folder: a bundle never names a file elsewhere on the organiser's disk.
    internal static string RelativePath(YamlNode node, string key, bool folder = false)
    {
        if (node is not YamlScalarNode { Value: { Length: > 0 and <= 1000 } text })
            throw new BundleFormatException(node.Start, $"'{key}' names a {(folder ? "folder" : "file")} by its path relative to the bundle.");
        var path = text.Replace('\\', '/');
        // A folder may be written with a trailing slash.
        if (folder && path.Length > 1) path = path.TrimEnd('/');
        if (path.StartsWith('/') || path.Contains(':', StringComparison.Ordinal) || path.Split('/').Any(segment => segment is ".." or ""))
            throw new BundleFormatException(node.Start, $"'{text}' is not a path inside the bundle's folder.");
        return path;
    }

    // Anchors and aliases let a small text expand into a huge tree; tags would give values meanings this format does not have.
    private static void RefuseAnchorsAndTags(YamlNode node)
    {
        if (!node.Anchor.IsEmpty) throw new BundleFormatException(node.Start, "Anchors and aliases are not supported in a bundle.");
        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific) throw new BundleFormatException(node.Start, "Tags are not supported in a bundle.");
        var children = node switch
        {
            YamlMappingNode mapping => mapping.Children.SelectMany(c => new[] { c.Key, c.Value }),
            YamlSequenceNode sequence => sequence.Children,
            YamlScalarNode => [],
            _ => throw new BundleFormatException(node.Start, "Anchors and aliases are not supported in a bundle."),
        };
        foreach (var child in children) RefuseAnchorsAndTags(child);
    }

    // Text is stored with \n line ends, as a YAML block scalar reads back.
    private static string? Lines(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal);

    // YamlDotNet puts the marks in the message too; the problem carries them separately.
    private static string ReasonOf(YamlException e)
    {
        var message = e.InnerException is YamlException inner && inner.Message.Length > 0 ? inner.Message : e.Message;
        return MarksPrefix().Replace(message, "");
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarksPrefix();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex SlugPattern();
}
