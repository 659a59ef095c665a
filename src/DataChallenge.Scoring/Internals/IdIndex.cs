using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Ids of the labels file without a string or dictionary node each. While every id is a plain non-negative integer
/// (the usual case) and the values stay dense, a table indexed by the value is the whole index: one memory access per
/// lookup and no copy of the text. While the ids are moreover consecutive (row n holds first + n, as exported tables
/// usually do), not even that table exists: the row is a subtraction. Otherwise the ids are kept as raw UTF-8 in one
/// arena with an open-addressing hash table over it.
/// </summary>
internal sealed class IdIndex
{
    private const int MaxDigits = 18;
    private const int DirectFloor = 1 << 22;

    private byte[] _arena = [];
    private int _arenaUsed;
    private int[] _offsets = [0];
    private int[] _direct = [];
    private bool _consecutive = true;
    private long _first;
    private int[]? _slots;
    private long[]? _values;
    private int _mask;

    public int Count { get; private set; }

    private ReadOnlySpan<byte> IdBytes(int index) => _arena.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>The id's text; slow while the ids are integers, meant for messages only.</summary>
    public string Id(int index)
    {
        if (_slots is not null) return Encoding.UTF8.GetString(IdBytes(index));
        _values ??= IntegerValues();
        return _values[index].ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private long[] IntegerValues()
    {
        var values = new long[Count];
        if (_consecutive)
        {
            for (var i = 0; i < values.Length; i++) values[i] = _first + i;
            return values;
        }

        for (var value = 0; value < _direct.Length; value++)
        {
            if (_direct[value] != 0) values[_direct[value] - 1] = value;
        }

        return values;
    }

    /// <summary>Adds an id; returns the index of an earlier equal id instead, or -1 when it is new.</summary>
    public int Add(ReadOnlySpan<byte> id)
    {
        if (_slots is null)
        {
            var integer = TryInteger(id, out var value);
            if (integer && _consecutive)
            {
                // Every earlier id is smaller than first + Count, so the next one in line cannot repeat any.
                if (Count == 0) _first = value;
                if (value == _first + Count)
                {
                    _values = null;
                    Count++;
                    return -1;
                }

                LeaveConsecutive();
            }

            if (_slots is null && integer && value < Math.Max(4L * (Count + 1), DirectFloor))
            {
                if (value >= _direct.Length) Array.Resize(ref _direct, (int)Math.Max(value + 1, Math.Min(_direct.Length * 2L, Math.Max(4L * (Count + 1), DirectFloor))));
                var existing = _direct[value];
                if (existing != 0) return existing - 1;
                _values = null;
                Count++;
                _direct[value] = Count;
                return -1;
            }

            if (_slots is null) SwitchToHashing();
        }

        var slot = (int)Hash(id) & _mask;
        while (_slots![slot] != 0)
        {
            var candidate = _slots[slot] - 1;
            if (IdBytes(candidate).SequenceEqual(id)) return candidate;
            slot = (slot + 1) & _mask;
        }

        Append(id);
        _slots[slot] = Count;

        // Linear probing stays short up to three quarters full; the table is the largest structure, so it is kept dense.
        if (Count * 4L > _slots.Length * 3L) Rehash(_slots.Length * 2);
        return -1;
    }

    /// <summary>
    /// As <see cref="Add(ReadOnlySpan{byte})"/>, given the id's value as <see cref="FastFields.NextId"/> read it (-1 when
    /// the id is not an integer). The next id of a consecutive run, one per line of most files, costs a comparison.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Add(ReadOnlySpan<byte> id, long integer)
    {
        if (_consecutive && _slots is null && Count > 0 && integer >= 0 && integer == _first + Count)
        {
            _values = null;
            Count++;
            return -1;
        }

        return Add(id);
    }

    /// <summary>As <see cref="Find(ReadOnlySpan{byte})"/>, given the id's value as <see cref="FastFields.NextId"/> read it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<byte> id, long integer)
    {
        // Without a value (an id ending in a carriage return, say), the bytes decide.
        if (_slots is not null || integer < 0) return Find(id);
        if (_consecutive) return (ulong)(integer - _first) < (ulong)Count ? (int)(integer - _first) : -1;
        return integer < _direct.Length ? _direct[integer] - 1 : -1;
    }

    /// <summary>The index of the id, or -1.</summary>
    public int Find(ReadOnlySpan<byte> id)
    {
        if (_slots is null)
        {
            // Ids compare as text: only the canonical spelling of an integer ("7", never "007") can match one.
            if (!TryInteger(id, out var value)) return -1;
            if (_consecutive) return value >= _first && value - _first < Count ? (int)(value - _first) : -1;
            return value < _direct.Length ? _direct[value] - 1 : -1;
        }

        var slot = (int)Hash(id) & _mask;
        while (_slots[slot] != 0)
        {
            var candidate = _slots[slot] - 1;
            if (IdBytes(candidate).SequenceEqual(id)) return candidate;
            slot = (slot + 1) & _mask;
        }

        return -1;
    }

    private void Append(ReadOnlySpan<byte> id)
    {
        if (Count + 1 == _offsets.Length) Array.Resize(ref _offsets, Math.Max(1024, Count * 2 + 1));
        if (_arena.Length - _arenaUsed < id.Length)
            Array.Resize(ref _arena, Math.Max(Math.Max(1 << 16, _arena.Length * 2), _arenaUsed + id.Length));
        id.CopyTo(_arena.AsSpan(_arenaUsed));
        _arenaUsed += id.Length;
        _offsets[Count + 1] = _arenaUsed;
        Count++;
    }

    /// <summary>
    /// Appends the ids of another index built over the next rows, when both hold consecutive integers and the other's
    /// run continues this one's; false, with nothing changed, otherwise.
    /// </summary>
    public bool TryAppendConsecutive(IdIndex next)
    {
        if (_slots is not null || next._slots is not null || !_consecutive || !next._consecutive) return false;
        if (next.Count == 0) return true;
        if (Count > 0 && next._first != _first + Count) return false;
        if (Count == 0) _first = next._first;
        Count += next.Count;
        _values = null;
        return true;
    }

    private void LeaveConsecutive()
    {
        // The table must stay near the id count; a run that started far from zero goes to hashing instead.
        if (_first + Count > Math.Max(4L * (Count + 1), DirectFloor))
        {
            SwitchToHashing();
            return;
        }

        _consecutive = false;
        _direct = new int[Math.Max(1024, _first + Count + 1)];
        for (var i = 0; i < Count; i++) _direct[_first + i] = i + 1;
    }

    private void SwitchToHashing()
    {
        // The integer ids seen so far get their text back, in insertion order, before the table goes.
        var values = _values ?? IntegerValues();
        var count = Count;
        Count = 0;
        Span<byte> text = stackalloc byte[20];
        foreach (var value in values)
        {
            value.TryFormat(text, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
            Append(text[..written]);
        }

        System.Diagnostics.Debug.Assert(Count == count);
        _direct = [];
        _consecutive = false;
        Rehash((int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2048, Count * 2)));
    }

    private void Rehash(int size)
    {
        _slots = new int[size];
        _mask = size - 1;
        for (var i = 0; i < Count; i++)
        {
            var slot = (int)Hash(IdBytes(i)) & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = i + 1;
        }
    }

    // Canonical spelling only: digits, no sign, no leading zero, so that text equality and value equality agree.
    private static bool TryInteger(ReadOnlySpan<byte> id, out long value)
    {
        value = 0;
        if (id.IsEmpty || id.Length > MaxDigits || (id[0] == (byte)'0' && id.Length > 1)) return false;
        foreach (var b in id)
        {
            var digit = (uint)(b - '0');
            if (digit > 9) return false;
            value = value * 10 + digit;
        }

        return true;
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
