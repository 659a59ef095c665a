using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DataChallenge.Core.Leaderboards;

namespace DataChallenge.Leaderboard.Live;

/// <summary>
/// One Server-Sent Event of the live board, serialised once and written as the same bytes to every subscriber.
/// <c>board</c> carries a whole board, <c>delta</c> the rows changed since the previous version.
/// </summary>
public sealed class BoardFrame
{
    public const string BoardEvent = "board";
    public const string DeltaEvent = "delta";

    // Only whole boards are read by GET; a delta, sent to every viewer at every change, carries none.
    private readonly Lazy<byte[]>? _gzipJson;

    private BoardFrame(string name, long version, long? since, byte[] json, LeaderboardSnapshot? board)
    {
        (Name, Version, Since, Json, Bytes, Board) = (name, version, since, json, Event(name, version, json), board);
        if (board is not null) _gzipJson = new Lazy<byte[]>(() => Gzip(json));
    }

    public string Name { get; }
    public long Version { get; }

    /// <summary>For a delta, the version it applies to.</summary>
    public long? Since { get; }

    /// <summary>The event's data alone, as <c>GET …/leaderboard</c> answers it: a whole board is read and watched from the same bytes.</summary>
    public byte[] Json { get; }

    /// <summary>
    /// <see cref="Json"/> compressed with gzip, once, by the first read that accepts it; the reads after it share the bytes.
    /// A 1,000-team board is 340 KB of JSON and 62 KB gzipped.
    /// </summary>
    public byte[] GzipJson => _gzipJson?.Value ?? throw new InvalidOperationException("A delta is not read as a board.");

    /// <summary>The complete event: <c>event:</c>, <c>id:</c> (the board version) and <c>data:</c> lines.</summary>
    public byte[] Bytes { get; }

    /// <summary>For a whole board, the board itself.</summary>
    public LeaderboardSnapshot? Board { get; }

    public bool IsDelta => Since is not null;

    public static BoardFrame Whole(LeaderboardSnapshot board)
        => new(BoardEvent, board.Version, null, JsonSerializer.SerializeToUtf8Bytes(board, JsonSerializerOptions.Web), board);

    public static BoardFrame Delta(BoardDelta delta)
        => new(DeltaEvent, delta.Version, delta.Since, JsonSerializer.SerializeToUtf8Bytes(delta, JsonSerializerOptions.Web), null);

    /// <summary>An event serialised for one subscriber alone: how every change was sent before deltas.</summary>
    public static byte[] Encode<T>(string name, long version, T data) => Event(name, version, JsonSerializer.SerializeToUtf8Bytes(data, JsonSerializerOptions.Web));

    private static byte[] Gzip(byte[] json)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal)) gzip.Write(json);
        return compressed.ToArray();
    }

    // Unindented JSON has no line break, so it fits on one data line.
    private static byte[] Event(string name, long version, byte[] json)
        => [.. Encoding.UTF8.GetBytes($"event: {name}\nid: {version.ToString(CultureInfo.InvariantCulture)}\ndata: "), .. json, .. "\n\n"u8];
}
