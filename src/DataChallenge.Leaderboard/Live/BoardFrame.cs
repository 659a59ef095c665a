using System.Globalization;
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

    private BoardFrame(string name, long version, long? since, byte[] bytes, LeaderboardSnapshot? board)
        => (Name, Version, Since, Bytes, Board) = (name, version, since, bytes, board);

    public string Name { get; }
    public long Version { get; }

    /// <summary>For a delta, the version it applies to.</summary>
    public long? Since { get; }

    /// <summary>The complete event: <c>event:</c>, <c>id:</c> (the board version) and <c>data:</c> lines.</summary>
    public byte[] Bytes { get; }

    /// <summary>For a whole board, the board itself.</summary>
    public LeaderboardSnapshot? Board { get; }

    public bool IsDelta => Since is not null;

    public static BoardFrame Whole(LeaderboardSnapshot board) => new(BoardEvent, board.Version, null, Encode(BoardEvent, board.Version, board), board);

    public static BoardFrame Delta(BoardDelta delta) => new(DeltaEvent, delta.Version, delta.Since, Encode(DeltaEvent, delta.Version, delta), null);

    /// <summary>An event serialised for one subscriber alone: how every change was sent before deltas.</summary>
    public static byte[] Encode<T>(string name, long version, T data)
        => Encoding.UTF8.GetBytes($"event: {name}\nid: {version.ToString(CultureInfo.InvariantCulture)}\ndata: {JsonSerializer.Serialize(data, JsonSerializerOptions.Web)}\n\n");
}
