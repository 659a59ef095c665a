using System.Runtime.CompilerServices;

namespace DataChallenge.Scoring.Internals;

/// <summary>Which labels rows a reader has written, one bit each: small enough to stay in the core's cache.</summary>
internal sealed class RowSet(int rows)
{
    private readonly ulong[] _bits = new ulong[(rows + 63) >> 6];

    /// <summary>Adds the row; false when it was already there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Add(int row)
    {
        ref var word = ref _bits[row >> 6];
        var bit = 1UL << row;
        if ((word & bit) != 0) return false;
        word |= bit;
        return true;
    }

    /// <summary>True when some row is in both sets.</summary>
    public bool Overlaps(RowSet other)
    {
        for (var i = 0; i < _bits.Length; i++)
        {
            if ((_bits[i] & other._bits[i]) != 0) return true;
        }

        return false;
    }
}
