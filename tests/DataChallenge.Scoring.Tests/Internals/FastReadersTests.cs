using System.Text;
using DataChallenge.Scoring.Internals;

namespace DataChallenge.Scoring.Tests.Internals;

/// <summary>
/// The fast readers may give up on any file, but whatever they accept the strict readers must accept too, with the
/// very same ids and values: that is what lets the scorer try them first.
/// </summary>
public sealed class FastReadersTests
{
    private const string RegressionConfig = """
        {"task_type": "regression", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"],
         "metrics": ["rmse"], "primary_metric": "rmse"}
        """;

    private const string MulticlassConfig = """
        {"task_type": "multiclass_proba", "id_column": "id", "label_columns": ["label"],
         "prediction_columns": ["b", "a", "c"], "classes": ["a", "b", "c"], "metrics": ["log_loss"], "primary_metric": "log_loss"}
        """;

    private const string MultilabelConfig = """
        {"task_type": "multilabel_label", "id_column": "id", "label_columns": ["x", "y"], "prediction_columns": ["x", "y"],
         "metrics": ["hamming_loss"], "primary_metric": "hamming_loss"}
        """;

    private static readonly byte[] Alphabet =
        "0123456789.,\"\r\n \tae-+xN"u8.ToArray().Concat(new byte[] { 0xEF, 0xBB, 0xBF, 0xC3, 0xFF, 0x80 }).ToArray();

    public static TheoryData<string, string, string> WellFormed => new()
    {
        { ScoringFixture.BinaryConfig, "id,target\n1,0\n2,1\n3,1\n", "id,target\n3,0.25\n1,1e-1\n2,1\n" },
        { ScoringFixture.BinaryConfig, "\uFEFFid,target\r\n1,0\r\n2,1\r\n", "target,id\r\n0.5,2\r\n0.125,1\r\n\r\n\n" },
        { ScoringFixture.BinaryConfig, "id,target\nab,0\ncd,1.0\nx y,0", "id , target\nx y,0.5\ncd,.75\nab,0" },
        { RegressionConfig, "id,y\n10,-1.5\n20,2.5e3\n30,7\n", "id,y\n30,1\n10,-2\n20,+3.25\n" },
        { MulticlassConfig, "id,label\n1,a\n2,c\n", "c,id,a,b\n0.5,2,0.25,0.25\n0,1,1,0\n" },
        { MultilabelConfig, "id,x,y\n1,0,1\n2,1,1\n", "y,id,x\n1,2,0\n0,1,1\n" },
    };

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void TryRead_ReadsWhatTheStrictReadersRead_WhenFilesAreWellFormed(string config, string labels, string predictions)
    {
        var (fast, strict) = BothPaths(ScoringConfig.Parse(config), Encoding.UTF8.GetBytes(labels), Encoding.UTF8.GetBytes(predictions));

        Assert.NotNull(fast);
        AssertSame(strict!, fast);
    }

    [Theory]
    [InlineData("id,target\n1,0\n\"2\",1\n")]
    [InlineData("id,target\n1,0\n2, 1\n")]
    [InlineData("id,target\n1,0\n2,1,\n")]
    [InlineData("id,target\n1,0\n\n2,1\n")]
    [InlineData("id,target\n1,0\n1,1\n")]
    [InlineData("id,target\n1,0\n2,0.5\n")]
    [InlineData("id,target\n")]
    [InlineData("id,label\n1,0\n")]
    public void TryRead_GivesUpAndRewinds_WhenTheLabelsFileIsUnusual(string labels)
    {
        var config = ScoringConfig.Parse(ScoringFixture.BinaryConfig);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("ignored" + labels));
        stream.Position = "ignored".Length;

        var table = FastLabelsReader.TryRead(stream, config, new TaskLayout(config), "labels", parallel: true, TestContext.Current.CancellationToken);

        Assert.Null(table);
        Assert.Equal("ignored".Length, stream.Position);
    }

    [Theory]
    [InlineData("id,target\n2,0.5\n1,0.5\n3,0.5\n")]
    [InlineData("id,target\n2,0.5\n")]
    [InlineData("id,target\n2,0.5\n2,0.5\n")]
    [InlineData("id,target\n2,1.5\n1,0.5\n")]
    [InlineData("id,target\n2,\"0.5\"\n1,0.5\n")]
    [InlineData("id,target\n2,0.5\r1,0.5\n")]
    public void TryRead_GivesUp_WhenThePredictionsFileIsUnusual(string predictions)
    {
        var config = ScoringConfig.Parse(ScoringFixture.BinaryConfig);
        var layout = new TaskLayout(config);
        var labels = FastLabelsReader.TryRead(ScoringFixture.Utf8("id,target\n1,0\n2,1\n"), config, layout, "labels", parallel: true, TestContext.Current.CancellationToken);

        var data = FastPredictionsReader.TryRead(ScoringFixture.Utf8(predictions), config, layout, labels!, "predictions", parallel: true, TestContext.Current.CancellationToken);

        Assert.NotNull(labels);
        Assert.Null(data);
    }

    [Theory]
    [InlineData(ScoringFixture.BinaryConfig, 21)]
    [InlineData(RegressionConfig, 22)]
    [InlineData(MulticlassConfig, 23)]
    [InlineData(MultilabelConfig, 24)]
    public void TryRead_NeverAcceptsWhatTheStrictReadersRefuse_WhenFilesAreDamaged(string configText, int seed)
    {
        var config = ScoringConfig.Parse(configText);
        var (labels, predictions) = Sample(config, 12);
        var random = new Random(seed);
        var accepted = 0;
        for (var round = 0; round < 400; round++)
        {
            var damageLabels = random.Next(3) == 0;
            var l = damageLabels ? Damage(labels, random) : labels;
            var p = damageLabels ? predictions : Damage(predictions, random);

            var (fast, strict) = BothPaths(config, l, p);

            if (fast is null) continue;
            accepted++;
            Assert.NotNull(strict);
            AssertSame(strict, fast);
        }

        // Some damage (an extra digit in a value, say) leaves the files valid: the comparison must have happened.
        Assert.True(accepted > 0);
    }

    [Theory]
    [InlineData("consecutive", true)]
    [InlineData("shuffled", true)]
    [InlineData("text", true)]
    [InlineData("consecutive", false)]
    public void TryRead_ReadsWhatTheStrictReadersRead_WhenLargeFilesAreReadInHalves(string ids, bool parallel)
    {
        // Over a megabyte each, so both files are cut in two and read on two threads (unless told to use one).
        var config = ScoringConfig.Parse(ScoringFixture.BinaryConfig);
        var (labels, predictions) = Large(150_000, ids);

        var (fast, strict) = BothPaths(config, labels, predictions, parallel);

        Assert.NotNull(fast);
        AssertSame(strict!, fast);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TryRead_GivesUp_WhenAnIdRepeatsAcrossTheHalves(bool inLabels)
    {
        var config = ScoringConfig.Parse(ScoringFixture.BinaryConfig);
        var (labels, predictions) = Large(150_000, "consecutive");
        var damaged = inLabels ? labels : predictions;

        // The last row's id becomes the first row's: one id twice, one missing, the two copies in different halves.
        var text = Encoding.UTF8.GetString(damaged);
        var lastLine = text.LastIndexOf('\n', text.Length - 2) + 1;
        var firstId = text.Split('\n')[1].Split(',')[0];
        var patched = Encoding.UTF8.GetBytes(text[..lastLine] + firstId + text[text.IndexOf(',', lastLine)..]);
        var (fast, strict) = inLabels ? BothPaths(config, patched, predictions) : BothPaths(config, labels, patched);

        Assert.Null(strict);
        Assert.Null(fast);
    }

    private static (byte[] Labels, byte[] Predictions) Large(int rows, string ids)
    {
        var random = new Random(9);
        var names = Enumerable.Range(0, rows).Select(i => ids switch
        {
            "consecutive" => (i + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "shuffled" => ((i * 7919L % rows) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => $"row-{i}",
        }).ToArray();
        var labels = new StringBuilder("id,target\n");
        foreach (var name in names) labels.Append(name).Append(',').Append(random.Next(2)).Append('\n');
        var predictions = new StringBuilder("id,target\n");
        foreach (var name in names.OrderBy(_ => random.Next()))
            predictions.Append(name).Append(',').Append(random.NextDouble().ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        return (Encoding.UTF8.GetBytes(labels.ToString()), Encoding.UTF8.GetBytes(predictions.ToString()));
    }

    private static (ScoringData? Fast, ScoringData? Strict) BothPaths(ScoringConfig config, byte[] labels, byte[] predictions, bool parallel = true)
    {
        var token = TestContext.Current.CancellationToken;
        var layout = new TaskLayout(config);
        ScoringData? strict;
        try
        {
            var strictTable = LabelsReader.Read(new MemoryStream(labels), config, layout, "labels", token);
            strict = PredictionsReader.Read(new MemoryStream(predictions), config, layout, strictTable, "predictions", token);
        }
        catch (SubmissionRejectedException)
        {
            strict = null;
        }

        var table = FastLabelsReader.TryRead(new MemoryStream(labels), config, layout, "labels", parallel, token);
        var fast = table is null ? null : FastPredictionsReader.TryRead(new MemoryStream(predictions), config, layout, table, "predictions", parallel, token);
        return (fast, strict);
    }

    private static void AssertSame(ScoringData expected, ScoringData actual)
    {
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Width, actual.Width);
        Assert.Equal(expected.PredictionWidth, actual.PredictionWidth);
        Assert.Equal(expected.Truth, actual.Truth);
        Assert.Equal(expected.TruthClass, actual.TruthClass);
        Assert.Equal(expected.Prediction, actual.Prediction);
        Assert.Equal(expected.PredictionClass, actual.PredictionClass);
    }

    private static (byte[] Labels, byte[] Predictions) Sample(ScoringConfig config, int rows)
    {
        var random = new Random(5);
        var labels = new StringBuilder().Append("id,").AppendJoin(',', config.LabelColumns).Append('\n');
        var predictions = new StringBuilder().Append("id,").AppendJoin(',', config.PredictionColumns).Append('\n');
        for (var i = 0; i < rows; i++)
        {
            labels.Append(i + 7);
            foreach (var _ in config.LabelColumns)
            {
                labels.Append(',').Append(config.TaskType switch
                {
                    TaskTypes.Regression => (random.NextDouble() * 100 - 50).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
                    TaskTypes.MulticlassProba => config.Classes![random.Next(config.Classes.Count)],
                    _ => random.Next(2).ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            }

            labels.Append('\n');
        }

        for (var i = rows - 1; i >= 0; i--)
        {
            predictions.Append(i + 7);
            foreach (var _ in config.PredictionColumns)
            {
                predictions.Append(',').Append(config.TaskType == TaskTypes.MultilabelLabel
                    ? random.Next(2).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : random.NextDouble().ToString("0.####", System.Globalization.CultureInfo.InvariantCulture));
            }

            predictions.Append('\n');
        }

        return (Encoding.UTF8.GetBytes(labels.ToString()), Encoding.UTF8.GetBytes(predictions.ToString()));
    }

    private static byte[] Damage(byte[] data, Random random)
    {
        var list = data.ToList();
        var edits = random.Next(1, 3);
        for (var e = 0; e < edits && list.Count > 0; e++)
        {
            var at = random.Next(list.Count);
            switch (random.Next(3))
            {
                case 0: list.RemoveAt(at); break;
                case 1: list.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                default: list[at] = Alphabet[random.Next(Alphabet.Length)]; break;
            }
        }

        return [.. list];
    }
}
