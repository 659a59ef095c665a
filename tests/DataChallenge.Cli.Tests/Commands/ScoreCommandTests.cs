using System.CommandLine;
using System.Text.Json;
using DataChallenge.Cli.Commands;

namespace DataChallenge.Cli.Tests.Commands;

public sealed class ScoreCommandTests : IDisposable
{
    private const string Config = """
        {"task_type": "binary_proba", "id_column": "id", "label_columns": ["target"], "prediction_columns": ["target"],
         "metrics": ["roc_auc", "log_loss"], "primary_metric": "roc_auc", "split_column": "Usage"}
        """;

    private const string Labels = "id,target,Usage\n1,0,Public\n2,1,Public\n3,0,Private\n4,1,Private\n";
    private const string Predictions = "id,target\n4,0.8\n3,0.3\n2,0.6\n1,0.4\n";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("score-command-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Score_PrintsJsonAndReturns0_WhenFilesAreValid()
    {
        var (code, output, error) = Run("--json", "--bootstrap", "50");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1.0, root.GetProperty("metrics").GetProperty("roc_auc").GetDouble(), 12);
        Assert.Equal(1.0, root.GetProperty("splits").GetProperty("public").GetProperty("roc_auc").GetDouble(), 12);
        Assert.Equal(1.0, root.GetProperty("splits").GetProperty("private").GetProperty("roc_auc").GetDouble(), 12);
        var interval = root.GetProperty("interval");
        Assert.Equal("DeLong", interval.GetProperty("method").GetString());
        Assert.Equal(0, interval.GetProperty("resamples").GetInt32());
        Assert.Equal(1.0, interval.GetProperty("upper").GetDouble(), 12);
        var logLoss = root.GetProperty("intervals").GetProperty("log_loss");
        Assert.Equal("normal (variance)", logLoss.GetProperty("method").GetString());
        Assert.True(logLoss.GetProperty("lower").GetDouble() <= logLoss.GetProperty("upper").GetDouble());
        Assert.Equal(4, root.GetProperty("rows").GetInt32());
        Assert.False(root.TryGetProperty("metric", out _));
    }

    [Fact]
    public void Score_PrintsOnlyThatMetric_WhenMetricIsGiven()
    {
        var (code, output, _) = Run("--json", "--metric", "log_loss", "--bootstrap", "0");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("log_loss", root.GetProperty("metric").GetString());
        var expected = -(Math.Log(0.8) + Math.Log(0.7) + Math.Log(0.6) + Math.Log(0.6)) / 4;
        Assert.Equal(expected, root.GetProperty("value").GetDouble(), 12);
        Assert.Equal(["log_loss"], root.GetProperty("metrics").EnumerateObject().Select(p => p.Name));
        Assert.False(root.TryGetProperty("interval", out _));
    }

    [Fact]
    public void Score_PrintsNullWithReasonAndReturns3_WhenMetricIsUndefined()
    {
        var labels = Write("one-class.csv", "id,target,Usage\n1,1,Public\n2,1,Private\n");
        var predictions = Write("p.csv", "id,target\n1,0.3\n2,0.9\n");

        var (code, output, _) = RunWith(labels, predictions, Write("c.json", Config), "--json", "--metric", "roc_auc", "--bootstrap", "0");

        Assert.Equal(3, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("value").ValueKind);
        Assert.Contains("undefined", json.RootElement.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("metrics").GetProperty("roc_auc").ValueKind);
    }

    [Fact]
    public void Score_WritesTheRuleOnStderrAndReturns2_WhenPredictionsAreRejected()
    {
        var predictions = Write("bad.csv", "id,target\n1,0.4\n2,NaN\n3,0.3\n4,0.8\n");

        var (code, output, error) = RunWith(Write("l.csv", Labels), predictions, Write("c.json", Config), "--json");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("bad.csv, line 3, column 'target'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--labels")]
    [InlineData("--no-such-option")]
    public void Score_Returns64_WhenUsageIsWrong(string broken)
    {
        var args = broken == "--labels"
            ? new[] { "score", "--predictions", Write("p.csv", Predictions), "--config", Write("c.json", Config) }
            : new[] { "score", broken, "--labels", Write("l.csv", Labels), "--predictions", Write("p.csv", Predictions), "--config", Write("c.json", Config) };

        var (code, _, error) = Invoke(args);

        Assert.Equal(64, code);
        Assert.NotEqual(string.Empty, error);
    }

    [Fact]
    public void Score_Returns64_WhenAFileDoesNotExist()
    {
        var (code, _, error) = Invoke(["score", "--labels", Path.Combine(_folder.FullName, "absent.csv"),
            "--predictions", Write("p.csv", Predictions), "--config", Write("c.json", Config)]);

        Assert.Equal(64, code);
        Assert.Contains("absent.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_Returns64_WhenConfigurationIsRefused()
    {
        var config = Write("c.json", Config.Replace("\"log_loss\"", "\"rmse\"", StringComparison.Ordinal));

        var (code, _, error) = RunWith(Write("l.csv", Labels), Write("p.csv", Predictions), config);

        Assert.Equal(64, code);
        Assert.Contains("'rmse' does not fit task_type binary_proba", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_PrintsASummary_WhenJsonIsOff()
    {
        var (code, output, _) = Run("--bootstrap", "0");

        Assert.Equal(0, code);
        Assert.Contains("Scored 4 rows. Primary metric: roc_auc (higher is better).", output, StringComparison.Ordinal);
        Assert.Contains("roc_auc", output, StringComparison.Ordinal);
        Assert.Contains("private:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_PrintsGroupsOfEachSplit_WhenLabelsHaveSplitsAndGroups()
    {
        // Site a: 20 public and 10 private rows; site b: 10 private rows. Each split suppresses below 10 rows of its own.
        var labels = new System.Text.StringBuilder("id,target,Usage,site\n");
        var predictions = new System.Text.StringBuilder("id,target\n");
        for (var i = 0; i < 40; i++)
        {
            labels.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},{i % 2},{(i < 20 ? "Public" : "Private")},{(i < 30 ? "a" : "b")}\n");
            predictions.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},{(i % 2 == 1 ? "0.7" : "0.2")}\n");
        }
        var config = Write("g.json", Config.Replace("\"split_column\"", "\"group_column\": \"site\", \"split_column\"", StringComparison.Ordinal));
        var (l, p) = (Write("gl.csv", labels.ToString()), Write("gp.csv", predictions.ToString()));

        var (code, output, _) = RunWith(l, p, config, "--json", "--bootstrap", "0");
        var (_, text, _) = RunWith(l, p, config, "--bootstrap", "0");

        Assert.Equal(0, code);
        var splitGroups = JsonDocument.Parse(output).RootElement.GetProperty("split_groups");
        var publicGroups = splitGroups.GetProperty("public").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!);
        var privateGroups = splitGroups.GetProperty("private").EnumerateArray().ToDictionary(g => g.GetProperty("group").GetString()!);
        Assert.Equal((20, 1.0), (publicGroups["a"].GetProperty("rows").GetInt32(), publicGroups["a"].GetProperty("value").GetDouble()));
        Assert.True(publicGroups["b"].GetProperty("suppressed").GetBoolean());
        Assert.Equal((10, 1.0), (privateGroups["b"].GetProperty("rows").GetInt32(), privateGroups["b"].GetProperty("value").GetDouble()));
        Assert.Contains("public groups:", text, StringComparison.Ordinal);
        Assert.Contains("b (0 rows): suppressed (too few rows)", text, StringComparison.Ordinal);
        Assert.Contains("private groups:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_PrintsEveryMetricsIntervalAndMethod_WhenIntervalsAreOn()
    {
        var config = Write("c.json", """
            {"task_type": "binary_proba", "id_column": "id", "label_columns": ["target"], "prediction_columns": ["target"],
             "metrics": ["roc_auc", "log_loss", "accuracy"], "primary_metric": "roc_auc"}
            """);

        var labels = Write("l.csv", "id,target\n1,0\n2,1\n3,0\n4,1\n5,0\n6,1\n");
        var predictions = Write("p.csv", "id,target\n1,0.2\n2,0.7\n3,0.6\n4,0.9\n5,0.1\n6,0.4\n");

        var (code, output, _) = RunWith(labels, predictions, config, "--bootstrap", "40", "--seed", "2");

        Assert.Equal(0, code);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.Contains("roc_auc", StringComparison.Ordinal) && l.EndsWith("DeLong", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("log_loss", StringComparison.Ordinal) && l.EndsWith("normal (variance)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("accuracy", StringComparison.Ordinal) && l.EndsWith("multinomial, 40 resamples", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_PrintsNoInterval_WhenNoIntervalsIsGiven()
    {
        var (code, output, _) = Run("--json", "--no-intervals");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.TryGetProperty("interval", out _));
        Assert.False(json.RootElement.TryGetProperty("intervals", out _));
    }

    private (int Code, string Output, string Error) Run(params string[] extra)
        => RunWith(Write("labels.csv", Labels), Write("predictions.csv", Predictions), Write("scoring.json", Config), extra);

    private static (int Code, string Output, string Error) RunWith(string labels, string predictions, string config, params string[] extra)
        => Invoke(["score", "--labels", labels, "--predictions", predictions, "--config", config, .. extra]);

    private static (int Code, string Output, string Error) Invoke(string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(ScoreCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CommandRunner.Run(root, args, new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
