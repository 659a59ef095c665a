using System.Globalization;
using System.Text;

namespace DataChallenge.Scoring.Benchmarks;

/// <summary>
/// Writes the labels, predictions and configuration of each benchmark case. Predictions are written in a shuffled
/// order, so the join by id is part of the work, as it is for a real submission.
/// </summary>
public static class BenchmarkCases
{
    public static readonly (string Name, int Rows)[] All =
    [
        ("binary-1m", 1_000_000),
        ("binary-10m", 10_000_000),
        ("multiclass10-1m", 1_000_000),
        ("regression-10m", 10_000_000),
    ];

    public static void WriteAll(string folder, double scale)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, rows) in All)
        {
            var n = Math.Max(100, (int)(rows * scale));
            var directory = Path.Combine(folder, name);
            Directory.CreateDirectory(directory);
            switch (name.Split('-')[0])
            {
                case "binary": WriteBinary(directory, n); break;
                case "multiclass10": WriteMulticlass(directory, n, 10); break;
                default: WriteRegression(directory, n); break;
            }
        }
    }

    public static (byte[] Labels, byte[] Predictions) Binary(int rows)
    {
        var (labels, predictions) = (new MemoryStream(), new MemoryStream());
        WriteBinary(labels, predictions, rows);
        return (labels.ToArray(), predictions.ToArray());
    }

    public const string BinaryConfig = """
        {"task_type": "binary_proba", "id_column": "id", "label_columns": ["target"], "prediction_columns": ["target"],
         "metrics": ["roc_auc"], "primary_metric": "roc_auc"}
        """;

    public static void WriteBinary(string directory, int rows)
    {
        using var labels = File.Create(Path.Combine(directory, "labels.csv"));
        using var predictions = File.Create(Path.Combine(directory, "predictions.csv"));
        WriteBinary(labels, predictions, rows);
        File.WriteAllText(Path.Combine(directory, "scoring.json"), BinaryConfig);
        File.WriteAllText(Path.Combine(directory, "metric"), "roc_auc");
    }

    private static void WriteBinary(Stream labelsStream, Stream predictionsStream, int rows)
    {
        var random = new Random(20261130);
        var truth = new int[rows];
        using var labels = Writer(labelsStream, "id,target");
        for (var i = 0; i < rows; i++)
        {
            truth[i] = random.NextDouble() < 0.3 ? 1 : 0;
            labels.Write(i);
            labels.Write(',');
            labels.Write(truth[i]);
            labels.Write('\n');
        }

        using var predictions = Writer(predictionsStream, "id,target");
        foreach (var i in Shuffled(rows, random))
        {
            var p = Math.Clamp(0.35 + 0.3 * truth[i] + 0.25 * (random.NextDouble() - 0.5) * 2, 0, 1);
            predictions.Write(i);
            predictions.Write(',');
            predictions.Write(p.ToString("0.######", CultureInfo.InvariantCulture));
            predictions.Write('\n');
        }
    }

    private static void WriteMulticlass(string directory, int rows, int classes)
    {
        var random = new Random(7);
        var names = Enumerable.Range(0, classes).Select(c => $"c{c}").ToArray();
        var truth = new int[rows];
        using (var labels = Writer(File.Create(Path.Combine(directory, "labels.csv")), "id,label"))
        {
            for (var i = 0; i < rows; i++)
            {
                truth[i] = random.Next(classes);
                labels.Write(i);
                labels.Write(',');
                labels.Write(names[truth[i]]);
                labels.Write('\n');
            }
        }

        var scores = new double[classes];
        using (var predictions = Writer(File.Create(Path.Combine(directory, "predictions.csv")), "id," + string.Join(',', names)))
        {
            foreach (var i in Shuffled(rows, random))
            {
                var sum = 0.0;
                for (var c = 0; c < classes; c++) sum += scores[c] = random.NextDouble() + (c == truth[i] ? 1.5 : 0);
                predictions.Write(i);
                for (var c = 0; c < classes; c++)
                {
                    predictions.Write(',');
                    predictions.Write((scores[c] / sum).ToString("0.######", CultureInfo.InvariantCulture));
                }

                predictions.Write('\n');
            }
        }

        File.WriteAllText(Path.Combine(directory, "scoring.json"), $$"""
            {"task_type": "multiclass_proba", "id_column": "id", "label_columns": ["label"],
             "prediction_columns": [{{string.Join(", ", names.Select(n => $"\"{n}\""))}}],
             "classes": [{{string.Join(", ", names.Select(n => $"\"{n}\""))}}],
             "metrics": ["log_loss"], "primary_metric": "log_loss"}
            """);
        File.WriteAllText(Path.Combine(directory, "metric"), "log_loss");
    }

    private static void WriteRegression(string directory, int rows)
    {
        var random = new Random(11);
        var truth = new double[rows];
        using (var labels = Writer(File.Create(Path.Combine(directory, "labels.csv")), "id,y"))
        {
            for (var i = 0; i < rows; i++)
            {
                truth[i] = Math.Round(100 * random.NextDouble() - 20, 4);
                labels.Write(i);
                labels.Write(',');
                labels.Write(truth[i].ToString("0.####", CultureInfo.InvariantCulture));
                labels.Write('\n');
            }
        }

        using (var predictions = Writer(File.Create(Path.Combine(directory, "predictions.csv")), "id,y"))
        {
            foreach (var i in Shuffled(rows, random))
            {
                predictions.Write(i);
                predictions.Write(',');
                predictions.Write((truth[i] + 5 * (random.NextDouble() - 0.5)).ToString("0.####", CultureInfo.InvariantCulture));
                predictions.Write('\n');
            }
        }

        File.WriteAllText(Path.Combine(directory, "scoring.json"), """
            {"task_type": "regression", "id_column": "id", "label_columns": ["y"], "prediction_columns": ["y"],
             "metrics": ["rmse"], "primary_metric": "rmse"}
            """);
        File.WriteAllText(Path.Combine(directory, "metric"), "rmse");
    }

    private static StreamWriter Writer(Stream stream, string header)
    {
        var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        writer.Write(header);
        writer.Write('\n');
        return writer;
    }

    private static int[] Shuffled(int rows, Random random)
    {
        var order = Enumerable.Range(0, rows).ToArray();
        random.Shuffle(order);
        return order;
    }
}
