namespace DataChallenge.Scoring.Internals;

/// <summary>
/// A small seeded generator (SplitMix64) whose sequence is fixed by this code, not by the runtime version, so an
/// interval computed today is reproduced exactly by a rescore next year.
/// </summary>
internal struct SplitMixRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The generator of one resample: seeded by the run's seed and the resample's index, so no result depends on thread scheduling.</summary>
    public static SplitMixRandom ForResample(ulong seed, int resample) => new(seed ^ ((ulong)resample * 0xD1B54A32D192ED03UL));

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, n): the high half of a 64×64-bit product, with bias below n / 2^64.</summary>
    public int NextInt(int n) => (int)Math.BigMul(NextUInt64(), (ulong)n, out _);

    /// <summary>Uniform in [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
