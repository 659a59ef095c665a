using System.Text;

namespace DataChallenge.Scoring.Tests;

/// <summary>Builds configurations and in-memory files for scorer tests.</summary>
internal static class ScoringFixture
{
    public const string BinaryConfig = """
        {"task_type": "binary_proba", "id_column": "id", "label_columns": ["target"], "prediction_columns": ["target"],
         "metrics": ["roc_auc", "log_loss", "accuracy"], "primary_metric": "roc_auc"}
        """;

    public const string BinarySplitConfig = """
        {"task_type": "binary_proba", "id_column": "id", "label_columns": ["target"], "prediction_columns": ["target"],
         "metrics": ["roc_auc"], "primary_metric": "roc_auc", "split_column": "Usage"}
        """;

    public static ScoreReport Score(string labels, string predictions, string config = BinaryConfig, ScoreOptions? options = null)
        => Scorer.Score(Utf8(labels), Utf8(predictions), ScoringConfig.Parse(config), options ?? NoInterval,
            TestContext.Current.CancellationToken);

    public static ScoreReport ScoreBytes(byte[] labels, byte[] predictions, string config = BinaryConfig)
        => Scorer.Score(new MemoryStream(labels), new MemoryStream(predictions), ScoringConfig.Parse(config), NoInterval,
            TestContext.Current.CancellationToken);

    public static SubmissionRejectedException Rejection(string labels, string predictions, string config = BinaryConfig)
        => Assert.Throws<SubmissionRejectedException>(() => Score(labels, predictions, config));

    public static SubmissionRejectedException RejectionBytes(byte[] labels, byte[] predictions, string config = BinaryConfig)
        => Assert.Throws<SubmissionRejectedException>(() => ScoreBytes(labels, predictions, config));

    public static ScoreOptions NoInterval { get; } = new() { BootstrapResamples = 0 };

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    public const string FourLabels = "id,target\n1,0\n2,0\n3,1\n4,1\n";
    public const string FourPredictions = "id,target\n4,0.8\n1,0.1\n3,0.35\n2,0.4\n";
}

/// <summary>A stream that can only be read forward, in small pieces, like a download from object storage.</summary>
internal sealed class ForwardOnlyStream(byte[] data, int chunk) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, chunk), data.Length - _position);
        Array.Copy(data, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
