namespace GradCheck;

/// <summary>
/// The random numbers of one direction: a SplitMix64 stream seeded once from the check's generator, one 64-bit draw per
/// element for its sign and magnitude. A direction over 10⁴ elements drew twice per element from <see cref="Random"/>,
/// which cost as much as the rest of its construction; the seed keeps every direction reproducible from the check's seed.
/// </summary>
internal struct DirectionDraw(long seed)
{
    private ulong state = unchecked((ulong)seed);

    /// <summary>A draw seeded from <paramref name="random"/>.</summary>
    public static DirectionDraw From(Random random) => new(random.NextInt64(long.MinValue, long.MaxValue));

    /// <summary>A magnitude uniform in [0.5, 1.5) with a sign + or − (each with probability ½), from one draw.</summary>
    public double NextSignedMagnitude()
    {
        var bits = Next();
        return (bits & 1) == 0 ? Magnitude(bits) : -Magnitude(bits);
    }

    /// <summary>A magnitude uniform in [0.5, 1.5).</summary>
    public double NextMagnitude() => Magnitude(Next());

    // The draw's top 53 bits as a fraction in [0, 1), shifted to [0.5, 1.5); its lowest bit is left for the sign.
    private static double Magnitude(ulong bits) => 0.5 + (bits >> 11) * (1.0 / (1UL << 53));

    private ulong Next()
    {
        var z = state += 0x9E37_79B9_7F4A_7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EBUL;
        return z ^ (z >> 31);
    }
}
