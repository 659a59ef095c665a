using System.Runtime.CompilerServices;

namespace DataChallenge.Scoring.Internals;

/// <summary>
/// The class names as the fast readers look them up. While every name is at most eight bytes long (the usual case),
/// each is one 64-bit number and a field is matched by comparing numbers instead of bytes.
/// </summary>
internal sealed class ClassKeys
{
    private readonly byte[][] _names;
    private readonly ulong[]? _keys;
    private readonly int[] _lengths;

    public ClassKeys(byte[][] names)
    {
        _names = names;
        _lengths = [.. names.Select(n => n.Length)];
        if (names.All(n => n.Length <= 8)) _keys = [.. names.Select(n => Pack(n))];
    }

    /// <summary>The class the field names, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<byte> field)
    {
        if (_keys is not { } keys) return FindByBytes(field);
        if (field.Length > 8) return -1;
        var key = Pack(field);
        for (var c = 0; c < keys.Length; c++)
        {
            if (keys[c] == key && _lengths[c] == field.Length) return c;
        }

        return -1;
    }

    // The bytes in order from the lowest; the lengths tell apart names that differ only by trailing zero bytes.
    private static ulong Pack(ReadOnlySpan<byte> bytes)
    {
        ulong key = 0;
        for (var i = bytes.Length - 1; i >= 0; i--) key = (key << 8) | bytes[i];
        return key;
    }

    private int FindByBytes(ReadOnlySpan<byte> field)
    {
        for (var c = 0; c < _names.Length; c++)
        {
            if (field.SequenceEqual(_names[c])) return c;
        }

        return -1;
    }
}
