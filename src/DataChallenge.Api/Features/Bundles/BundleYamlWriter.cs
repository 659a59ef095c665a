using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace DataChallenge.Api.Features.Bundles;

/// <summary>Writes a bundle in a stable order and style, so exporting the same challenge twice gives the same text.</summary>
public static class BundleYamlWriter
{
    public static string Write(Bundle bundle)
    {
        var root = new YamlMappingNode();
        Add(root, "slug", YamlScalars.String(bundle.Slug));
        Add(root, "title", YamlScalars.String(bundle.Title));
        if (bundle.Description.Length > 0) Add(root, "description", YamlScalars.String(bundle.Description));
        if (bundle.Terms is { } terms) Add(root, "terms", YamlScalars.String(terms));
        if (bundle.Visibility is { } visibility) Add(root, "visibility", YamlScalars.String(visibility));
        if (bundle.RequiresApproval is { } approval) Add(root, "requires_approval", Flag(approval));
        if (bundle.MaxTeamSize is { } size) Add(root, "max_team_size", Number(size));
        Add(root, "phases", new YamlSequenceNode(bundle.Phases.Select(PhaseNode)));
        if (bundle.PublicFiles.Count > 0) Add(root, "public_files", new YamlSequenceNode(bundle.PublicFiles.Select(YamlScalars.String)));

        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        // The stream ends with an explicit document end marker ("..."); a single-document file reads better without it.
        var text = writer.ToString().TrimEnd();
        if (text.EndsWith("\n...", StringComparison.Ordinal)) text = text[..^4];
        return text + "\n";
    }

    private static YamlMappingNode PhaseNode(BundlePhase phase)
    {
        var node = new YamlMappingNode();
        Add(node, "name", YamlScalars.String(phase.Name));
        if (phase.Kind is { } kind) Add(node, "kind", YamlScalars.String(kind));
        Add(node, "opens_at", Instant(phase.OpensAt));
        if (phase.ClosesAt is { } closesAt) Add(node, "closes_at", Instant(closesAt));
        Add(node, "scoring", ScoringYaml.FromJson(phase.ScoringJson));
        var rules = new YamlMappingNode();
        if (phase.Rules.MaxSubmissionsPerDay is { } perDay) Add(rules, "max_submissions_per_day", Number(perDay));
        if (phase.Rules.MaxSubmissionsTotal is { } total) Add(rules, "max_submissions_total", Number(total));
        if (phase.Rules.MaxFileMb is { } mb) Add(rules, "max_file_mb", YamlScalars.Plain(mb.ToString("0.############################", CultureInfo.InvariantCulture)));
        if (phase.Rules.MaxFinalSubmissions is { } finals) Add(rules, "max_final_submissions", Number(finals));
        if (rules.Children.Count > 0) Add(node, "rules", rules);
        if (phase.Labels is { } labels) Add(node, "labels", YamlScalars.String(labels));
        if (phase.Code is { } code) Add(node, "code", CodeYaml.Write(code));
        return node;
    }

    private static void Add(YamlMappingNode mapping, string key, YamlNode value) => mapping.Add(YamlScalars.Plain(key), value);

    private static YamlScalarNode Number(int value) => YamlScalars.Plain(value.ToString(CultureInfo.InvariantCulture));

    private static YamlScalarNode Flag(bool value) => YamlScalars.Plain(value ? "true" : "false");

    // UTC, with fractions of a second only when there are some.
    private static YamlScalarNode Instant(DateTimeOffset value)
        => YamlScalars.Plain(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
