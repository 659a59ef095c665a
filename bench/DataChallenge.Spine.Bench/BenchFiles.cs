using System.Globalization;
using System.Net;
using System.Text;

namespace DataChallenge.Spine.Bench;

/// <summary>Hidden labels and prediction files of a binary task, generated from fixed seeds.</summary>
public sealed class BenchFiles(int rows)
{
    private readonly byte[] _labels = CreateLabels(rows);

    public int Rows => rows;

    public byte[] LabelsCsv()
    {
        var text = new StringBuilder(rows * 20).Append("id,label,Usage\n");
        for (var i = 0; i < rows; i++)
            text.Append(CultureInfo.InvariantCulture, $"r{i},{_labels[i]},{(i % 3 == 2 ? "Private" : "Public")}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Probabilities that separate the classes only partly, so each seed earns a different ROC AUC.</summary>
    public byte[] PredictionsCsv(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(rows * 18).Append("id,label\n");
        for (var i = 0; i < rows; i++)
        {
            var p = _labels[i] == 1 ? 0.3 + 0.7 * random.NextDouble() : 0.7 * random.NextDouble();
            text.Append(CultureInfo.InvariantCulture, $"r{i},{p:F6}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] CreateLabels(int rows)
    {
        var random = new Random(42);
        var labels = new byte[rows];
        for (var i = 0; i < rows; i++) labels[i] = (byte)random.Next(2);
        return labels;
    }
}

/// <summary>
/// A large upload written chunk by chunk as it is sent, so the client never holds it: a wrong header (the worker
/// rejects the file at once) followed by plain rows up to exactly <paramref name="totalBytes"/>.
/// </summary>
public sealed class WrongHeaderUpload(long totalBytes) : HttpContent
{
    private const int ChunkBytes = 1 << 20;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var header = "not_the_id,not_the_label\n"u8.ToArray();
        var chunk = new byte[ChunkBytes];
        var row = "r0000000,0.500000\n"u8;
        for (var at = 0; at < ChunkBytes; at += row.Length) row[..Math.Min(row.Length, ChunkBytes - at)].CopyTo(chunk.AsSpan(at));

        await stream.WriteAsync(header);
        for (var left = totalBytes - header.Length; left > 0; left -= ChunkBytes)
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(ChunkBytes, left)));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = totalBytes;
        return true;
    }
}
