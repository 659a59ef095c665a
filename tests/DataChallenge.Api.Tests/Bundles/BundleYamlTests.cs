using System.Text.Json;
using DataChallenge.Api.Features.Bundles;

namespace DataChallenge.Api.Tests.Bundles;

/// <summary>Reading and writing bundle.yaml without a server: strict keys, checked values, a stable text.</summary>
public sealed class BundleYamlTests
{
    public const string Sample = """
        slug: heart-failure
        title: Predicting heart failure
        description: |
          # Predict readmission

          Use the *training* data.
        terms: Data for research only.
        visibility: unlisted
        requires_approval: true
        max_team_size: 4
        phases:
        - name: Development
          opens_at: 2026-01-01T00:00:00Z
          closes_at: 2026-02-01T12:30:00Z
          scoring:
            task_type: binary_proba
            id_column: id
            label_columns: [label]
            prediction_columns: [label]
            metrics: [roc_auc, log_loss]
            primary_metric: roc_auc
            threshold: 0.25
            split_column: Usage
          rules:
            max_submissions_per_day: 5
            max_submissions_total: 100
            max_file_mb: 0.5
            max_final_submissions: 2
          labels: hidden/dev-labels.csv
        - name: Standing
          opens_at: 2026-02-01T12:30:00+01:00
          scoring:
            task_type: regression
            id_column: id
            label_columns: [y]
            prediction_columns: [y]
            metrics: [rmse]
            primary_metric: rmse
        public_files:
        - data/train.csv
        - README.md
        """;

    [Fact]
    public void Read_ReturnsEveryValue_WhenTheBundleIsValid()
    {
        var bundle = BundleYamlReader.Read(Sample);

        Assert.Equal("heart-failure", bundle.Slug);
        Assert.Equal("Predicting heart failure", bundle.Title);
        Assert.Equal("# Predict readmission\n\nUse the *training* data.\n", bundle.Description);
        Assert.Equal("Data for research only.", bundle.Terms);
        Assert.Equal("unlisted", bundle.Visibility);
        Assert.True(bundle.RequiresApproval);
        Assert.Equal(4, bundle.MaxTeamSize);
        Assert.Equal(["data/train.csv", "README.md"], bundle.PublicFiles);
        Assert.Equal(2, bundle.Phases.Count);
        var development = bundle.Phases[0];
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), development.OpensAt);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 12, 30, 0, TimeSpan.Zero), development.ClosesAt);
        Assert.Equal(new BundleRules { MaxSubmissionsPerDay = 5, MaxSubmissionsTotal = 100, MaxFileMb = 0.5m, MaxFinalSubmissions = 2 }, development.Rules);
        Assert.Equal("hidden/dev-labels.csv", development.Labels);
        var standing = bundle.Phases[1];
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 11, 30, 0, TimeSpan.Zero), standing.OpensAt);
        Assert.Null(standing.ClosesAt);
        Assert.Null(standing.Labels);
        Assert.Equal(new BundleRules(), standing.Rules);
    }

    [Fact]
    public void Read_ConvertsScoringToJsonWithItsTypes_WhenScalarsArePlainOrQuoted()
    {
        var bundle = BundleYamlReader.Read(Sample.Replace("split_column: Usage", "split_column: \"0.5\"", StringComparison.Ordinal));

        using var json = JsonDocument.Parse(bundle.Phases[0].ScoringJson);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Number, root.GetProperty("threshold").ValueKind);
        Assert.Equal("0.25", root.GetProperty("threshold").GetRawText());
        Assert.Equal(JsonValueKind.String, root.GetProperty("split_column").ValueKind);
        Assert.Equal("0.5", root.GetProperty("split_column").GetString());
        Assert.Equal(["roc_auc", "log_loss"], root.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["task_type", "id_column", "label_columns", "prediction_columns", "metrics", "primary_metric", "threshold", "split_column"],
            root.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("title: Predicting heart failure", "title: Predicting heart failure\ncolour: blue", 3, 1, "Unknown key 'colour' in the bundle")]
    [InlineData("  closes_at: 2026-02-01T12:30:00Z", "  closes_at: 2026-02-01T12:30:00Z\n  deadline: soon", 15, 3, "Unknown key 'deadline' in a phase")]
    [InlineData("    max_file_mb: 0.5", "    max_file_mb: 0.5\n    max_uploads: 3", 28, 5, "Unknown key 'max_uploads' in the rules of a phase")]
    [InlineData("max_team_size: 4", "max_team_size: four", 10, 16, "'max_team_size' in the bundle is a whole number")]
    [InlineData("max_team_size: 4", "max_team_size: 0", 10, 16, "'max_team_size' in the bundle is at least 1")]
    [InlineData("visibility: unlisted", "visibility: secret", 8, 13, "'visibility' in the bundle is draft, public or unlisted")]
    [InlineData("requires_approval: true", "requires_approval: maybe", 9, 20, "'requires_approval' in the bundle is true or false")]
    [InlineData("  closes_at: 2026-02-01T12:30:00Z", "  closes_at: 2025-12-31T00:00:00Z", 14, 14, "'closes_at' in a phase comes after opens_at")]
    [InlineData("  opens_at: 2026-01-01T00:00:00Z", "  opens_at: next monday", 13, 13, "'opens_at' in a phase is an instant")]
    [InlineData("    max_submissions_per_day: 5", "    max_submissions_per_day: -1", 25, 30, "'max_submissions_per_day' in the rules of a phase is at least 1")]
    [InlineData("    max_file_mb: 0.5", "    max_file_mb: 0", 27, 18, "'max_file_mb' in the rules of a phase is greater than 0")]
    [InlineData("    primary_metric: roc_auc", "    primary_metric: accuracy_of_vibes", 16, 5, "The scoring configuration of phase 'Development' is not valid")]
    [InlineData("slug: heart-failure", "slug: Heart Failure!", 1, 7, "'slug' in the bundle has 3 to 64")]
    [InlineData("  labels: hidden/dev-labels.csv", "  labels: ../secrets.csv", 29, 11, "'../secrets.csv' is not a path inside the bundle's folder")]
    [InlineData("- README.md", "- /etc/passwd", 41, 3, "'/etc/passwd' is not a path inside the bundle's folder")]
    [InlineData("- name: Standing", "- name: Development", 30, 3, "Two phases are called 'Development'")]
    [InlineData("title: Predicting heart failure", "title: [not, a, title]", 2, 8, "'title' in the bundle is a single value")]
    [InlineData("title: Predicting heart failure", "title: Predicting heart failure\ntitle: Again", 3, 1, "Duplicate key")]
    [InlineData("title: Predicting heart failure", "title: &t Predicting heart failure", 2, 8, "Anchors and aliases are not supported")]
    [InlineData("title: Predicting heart failure", "title: \"unterminated", 2, 8, "")]
    public void Read_RefusesWithLineAndColumn_WhenAValueOrKeyIsWrong(string original, string replacement, int line, int column, string reason)
    {
        Assert.Contains(original, Sample, StringComparison.Ordinal);
        var text = Sample.Replace(original, replacement, StringComparison.Ordinal);

        var failure = Assert.Throws<BundleFormatException>(() => BundleYamlReader.Read(text));

        Assert.Equal((line, column), ((int)failure.Line, (int)failure.Column));
        Assert.Contains(reason, failure.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"Line {line}, column {column}: ", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slug")]
    [InlineData("title")]
    public void Read_RefusesNamingTheKey_WhenARequiredKeyIsMissing(string key)
    {
        var text = string.Join('\n', Sample.Split('\n').Where(l => !l.StartsWith(key + ":", StringComparison.Ordinal)));

        var failure = Assert.Throws<BundleFormatException>(() => BundleYamlReader.Read(text));

        Assert.Equal($"The bundle needs '{key}'.", failure.Reason);
    }

    [Fact]
    public void Write_ReadsBackToTheSameBundleAndText_WhenWrittenTwice()
    {
        var bundle = BundleYamlReader.Read(Sample) with { Phases = BundleYamlReader.Read(Sample).Phases.Select(p => p with { Labels = null }).ToList() };

        var text = BundleYamlWriter.Write(bundle);
        var again = BundleYamlReader.Read(text);

        Assert.Equal(text, BundleYamlWriter.Write(again));
        Assert.Equal(bundle.Description, again.Description);
        Assert.Equal(bundle.Terms, again.Terms);
        Assert.Equal(bundle.PublicFiles, again.PublicFiles);
        Assert.Equal(bundle.Phases, again.Phases);
        Assert.Contains("metrics: [roc_auc, log_loss]", text, StringComparison.Ordinal);
        Assert.Contains("closes_at: 2026-02-01T12:30:00Z", text, StringComparison.Ordinal);
        Assert.Contains("description: |", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("123")]
    [InlineData("null")]
    [InlineData("no")]
    [InlineData("1e3")]
    [InlineData("- dash")]
    [InlineData("colon: inside")]
    [InlineData("# hash")]
    [InlineData("no final newline\nsecond line")]
    [InlineData("  leading spaces")]
    public void Write_KeepsStringsStrings_WhenTheyLookLikeOtherValues(string value)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["task_type"] = value });
        var bundle = new Bundle
        {
            Slug = "odd-strings", Title = value, Description = value,
            Phases = [new BundlePhase { Name = value, OpensAt = DateTimeOffset.UnixEpoch, ScoringJson = json }],
        };

        var text = BundleYamlWriter.Write(bundle);
        // The scoring here is deliberately not a valid configuration, so only the generic YAML layer is read back.
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode;
        var phase = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlSequenceNode)root["phases"]).Children[0];

        Assert.Equal(value, ((YamlDotNet.RepresentationModel.YamlScalarNode)root["title"]).Value);
        Assert.Equal(value, ((YamlDotNet.RepresentationModel.YamlScalarNode)phase["name"]).Value);
        Assert.Equal(json, JsonSerializer.Serialize(JsonDocument.Parse(ScoringYaml.ToJson(phase["scoring"])).RootElement));
    }
}
