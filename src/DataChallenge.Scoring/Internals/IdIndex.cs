using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Ids of the labels file, kept as raw UTF-8 in one arena with an open-addressing table over it, so that millions of
/// ids cost neither a string nor a dictionary node each.
/// </summary>
internal sealed class IdIndex
{
    private byte[] _arena = new byte[1 << 16];
    private int _arenaUsed;
    private int[] _offsets = new int[1024];
    private int[] _slots = new int[2048];
    private int _mask = 2047;

    public int Count { get; private set; }

    public ReadOnlySpan<byte> IdBytes(int index) => _arena.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    public string Id(int index) => Encoding.UTF8.GetString(IdBytes(index));

    /// <summary>Adds an id; returns the index of an earlier equal id instead, or -1 when it is new.</summary>
    public int Add(ReadOnlySpan<byte> id)
    {
        var hash = Hash(id);
        var slot = (int)hash & _mask;
        while (_slots[slot] != 0)
        {
            var candidate = _slots[slot] - 1;
            if (IdBytes(candidate).SequenceEqual(id)) return candidate;
            slot = (slot + 1) & _mask;
        }

        if (Count + 1 == _offsets.Length) Array.Resize(ref _offsets, Count * 2 + 1);

        if (_arena.Length - _arenaUsed < id.Length)
            Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _arenaUsed + id.Length));
        id.CopyTo(_arena.AsSpan(_arenaUsed));
        _arenaUsed += id.Length;
        _offsets[Count + 1] = _arenaUsed;
        _slots[slot] = Count + 1;
        Count++;
        // Linear probing stays short up to three quarters full; the table is the largest structure, so it is kept dense.
        if (Count * 4L > _slots.Length * 3L) Grow();
        return -1;
    }

    /// <summary>The index of the id, or -1.</summary>
    public int Find(ReadOnlySpan<byte> id)
    {
        var hash = Hash(id);
        var slot = (int)hash & _mask;
        while (_slots[slot] != 0)
        {
            var candidate = _slots[slot] - 1;
            if (IdBytes(candidate).SequenceEqual(id)) return candidate;
            slot = (slot + 1) & _mask;
        }

        return -1;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        _mask = _slots.Length - 1;
        for (var i = 0; i < Count; i++)
        {
            var slot = (int)Hash(IdBytes(i)) & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = i + 1;
        }
    }

    // Eight bytes at a time with a multiply-xorshift mix: sequential numeric ids must still spread over the table.
    private static uint Hash(ReadOnlySpan<byte> id)
    {
        var h = 0x9E3779B97F4A7C15UL ^ (ulong)id.Length;
        while (id.Length >= 8)
        {
            h = (h ^ MemoryMarshal.Read<ulong>(id)) * 0xFF51AFD7ED558CCDUL;
            h = BitOperations.RotateLeft(h, 29);
            id = id[8..];
        }

        if (id.Length > 0)
        {
            ulong tail = 0;
            for (var i = 0; i < id.Length; i++) tail |= (ulong)id[i] << (8 * i);
            h = (h ^ tail) * 0xFF51AFD7ED558CCDUL;
        }

        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return (uint)h;
    }
}
