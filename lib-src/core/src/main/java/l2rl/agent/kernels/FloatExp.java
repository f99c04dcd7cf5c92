package l2rl.agent.kernels;

/**
 * exp(x) in float by a fixed sequence of operations that the vector and the scalar kernels both perform, so their
 * results agree to the bit (the JDK's vector exp and Math.exp differ from each other in the last place). Cody-Waite
 * reduction x = n ln2 + r, |r| <= ln2 / 2, then a degree-6 Taylor polynomial in r (relative error ~2e-7, a few
 * float ulps), then the product with 2^n built from its exponent bits. x is clamped to [-87, 88], where 2^n is a
 * normal float; exp(-87) ~ 1.6e-38 and exp(88) ~ 1.7e38 are far beyond what a sigmoid or tanh argument needs.
 */
public final class FloatExp {
    static final float LOW = -87f;
    static final float HIGH = 88f;
    static final float LOG2E = 1.44269504f;
    /** 1.5 * 2^23: adding it rounds to an integer held in the low mantissa bits. */
    static final float ROUNDER = 12582912f;
    static final int ROUNDER_BITS = 0x4B400000;
    static final float LN2_HI = 0.693145751953125f;   // ln 2 to 16 bits: n LN2_HI is exact
    static final float LN2_LO = 1.4286068203e-6f;     // ln 2 - LN2_HI
    static final float C6 = 1f / 720;
    static final float C5 = 1f / 120;
    static final float C4 = 1f / 24;
    static final float C3 = 1f / 6;
    static final float C2 = 0.5f;

    private FloatExp() {
    }

    public static float exp(float x) {
        x = Math.min(Math.max(x, LOW), HIGH);
        float t = Math.fma(x, LOG2E, ROUNDER);
        float n = t - ROUNDER;
        float r = Math.fma(n, -LN2_HI, x);
        r = Math.fma(n, -LN2_LO, r);
        float q = Math.fma(C6, r, C5);
        q = Math.fma(q, r, C4);
        q = Math.fma(q, r, C3);
        q = Math.fma(q, r, C2);
        q = Math.fma(q, r, 1f);
        q = Math.fma(q, r, 1f);
        float scale = Float.intBitsToFloat((Float.floatToRawIntBits(t) - ROUNDER_BITS + 127) << 23);
        return q * scale;
    }

    /** 1 / (1 + exp(-x)). */
    public static float sigmoid(float x) {
        return 1f / (1f + exp(-x));
    }

    /** 2 / (1 + exp(-2x)) - 1: tanh through the one exponential. */
    public static float tanh(float x) {
        return 2f / (1f + exp(-2f * x)) - 1f;
    }
}
