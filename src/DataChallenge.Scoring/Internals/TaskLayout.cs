using System.Text;
using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Internals;

/// <summary>What one task type reads from each row of each file, and where it stores it.</summary>
internal sealed class TaskLayout
{
    private readonly ScoringConfig _config;
    private readonly byte[][] _classBytes;
    private readonly IReadOnlyList<string> _classNames;

    public TaskLayout(ScoringConfig config)
    {
        _config = config;
        _classNames = config.Classes ?? (config.TaskType == TaskTypes.CostMatrixOnehot ? config.LabelColumns : []);
        _classBytes = _classNames.Select(Encoding.UTF8.GetBytes).ToArray();
        Width = config.TaskType is TaskTypes.MultilabelLabel or TaskTypes.MultilabelProba ? config.LabelColumns.Count : 1;
        PredictionWidth = config.TaskType switch
        {
            TaskTypes.MulticlassProba => _classNames.Count,
            TaskTypes.MultilabelLabel or TaskTypes.MultilabelProba => config.PredictionColumns.Count,
            _ => 1,
        };

        // Probability columns may come in any order; each one's class decides where its value goes.
        PredictionSlot = config.TaskType == TaskTypes.MulticlassProba
            ? config.PredictionColumns.Select(c => IndexOf(_classNames, c)).ToArray()
            : Enumerable.Range(0, config.PredictionColumns.Count).ToArray();
    }

    public int Width { get; }
    public int PredictionWidth { get; }
    public int ClassCount => _classNames.Count;

    /// <summary>For each prediction column, in prediction_columns order, its position within a row's values.</summary>
    public int[] PredictionSlot { get; }

    /// <summary>The class names as UTF-8, in class order.</summary>
    public byte[][] ClassBytes => _classBytes;

    public bool TruthIsClass => _config.TaskType is TaskTypes.MulticlassLabel or TaskTypes.MulticlassProba or TaskTypes.CostMatrixOnehot;
    public bool PredictionIsClass => _config.TaskType is TaskTypes.MulticlassLabel or TaskTypes.CostMatrixOnehot;
    public bool IsText => _config.TaskType == TaskTypes.RleMask;

    /// <summary>Reads the label columns of a row (fields given in label_columns order).</summary>
    public void ReadTruth(CellReader cells, ReadOnlySpan<int> fields, ref GrowableArray<double> truth, ref GrowableArray<int> truthClass, ref GrowableArray<RleMask> text)
    {
        switch (_config.TaskType)
        {
            case TaskTypes.BinaryProba:
            case TaskTypes.MultilabelLabel:
            case TaskTypes.MultilabelProba:
                foreach (var field in fields) truth.Add(cells.ZeroOne(field));
                break;
            case TaskTypes.Regression:
                truth.Add(cells.Number(fields[0]));
                break;
            case TaskTypes.MulticlassLabel:
            case TaskTypes.MulticlassProba:
                truthClass.Add(cells.Class(fields[0], _classBytes, _classNames));
                break;
            case TaskTypes.CostMatrixOnehot:
                truthClass.Add(OneHot(cells, fields));
                break;
            case TaskTypes.RleMask:
                text.Add(MaskReader.Read(cells, fields[0], PixelCount));
                break;
        }
    }

    /// <summary>Reads the prediction columns of a row into position <paramref name="row"/>.</summary>
    public void ReadPrediction(CellReader cells, ReadOnlySpan<int> fields, int row, double[] prediction, int[] predictionClass, RleMask[] text)
    {
        switch (_config.TaskType)
        {
            case TaskTypes.BinaryProba:
            case TaskTypes.MultilabelProba:
            case TaskTypes.MulticlassProba:
                for (var j = 0; j < fields.Length; j++)
                    prediction[(long)row * PredictionWidth + PredictionSlot[j]] = cells.Probability(fields[j]);
                break;
            case TaskTypes.MultilabelLabel:
                for (var j = 0; j < fields.Length; j++) prediction[(long)row * PredictionWidth + j] = cells.ZeroOne(fields[j]);
                break;
            case TaskTypes.Regression:
                prediction[row] = cells.Number(fields[0]);
                break;
            case TaskTypes.MulticlassLabel:
                predictionClass[row] = cells.Class(fields[0], _classBytes, _classNames);
                break;
            case TaskTypes.CostMatrixOnehot:
                predictionClass[row] = OneHot(cells, fields);
                break;
            case TaskTypes.RleMask:
                text[row] = MaskReader.Read(cells, fields[0], PixelCount);
                break;
        }
    }

    private long PixelCount => (long)(_config.Height ?? 0) * (_config.Width ?? 0);

    private static int OneHot(CellReader cells, ReadOnlySpan<int> fields)
    {
        var hot = -1;
        for (var j = 0; j < fields.Length; j++)
        {
            if (cells.ZeroOne(fields[j]) != 1) continue;
            if (hot >= 0)
                throw cells.Csv.Reject(fields[j], "more than one class column holds 1; exactly one class column per row must be 1, the others 0.");
            hot = j;
        }

        if (hot < 0)
            throw cells.Csv.Reject(fields[0], "no class column holds 1; exactly one class column per row must be 1, the others 0.");
        return hot;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name) return i;
        }

        return -1;
    }
}
