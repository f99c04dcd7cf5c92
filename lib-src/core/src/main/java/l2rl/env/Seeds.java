package l2rl.env;

import java.util.SplittableRandom;

/**
 * Every random draw in l2rl flows from one root seed. A stream is named by its purpose and an index
 * (episode number, worker number, ...), so any episode's draws can be recreated on its own: evaluation
 * sets are identical across policies, and a resumed run meets the same tasks as an uninterrupted one.
 */
public final class Seeds {
    private Seeds() {
    }

    /** A seed for stream {@code purpose}/{@code index} of root seed {@code seed}. */
    public static long derive(long seed, String purpose, long index) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ purpose.hashCode());
        return mix(h ^ index);
    }

    /** A fresh generator for stream {@code purpose}/{@code index} of root seed {@code seed}. */
    public static SplittableRandom rng(long seed, String purpose, long index) {
        return new SplittableRandom(derive(seed, purpose, index));
    }

    // SplitMix64's finaliser: a bijection that spreads nearby inputs over all 64 bits.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
