package l2rl.bench;

/**
 * What one core reaches in plain Java on multiply-adds, the yardstick for the engine's GFLOP/s: twelve independent
 * scalar chains {@code a = fma(a, m, c)} ({@code Math.fma} is one FMA instruction; the JIT keeps the chains in
 * registers, and their number hides the instruction's latency),
 * and {@code y = y * m + x} over arrays that stay in L1, which C2 vectorizes with the machine's widest vectors.
 * Each multiply-add counts 2 flops. The best of a few repetitions, after a warm-up, so the JIT has compiled the loop.
 */
final class MultiplyAddPeak {
    private static final int REPETITIONS = 5;

    private MultiplyAddPeak() {
    }

    /** Flops per second of twelve independent scalar FMA chains. */
    static double scalarChains() {
        long iterations = 20_000_000;
        chains(iterations / 10);
        double best = 0;
        for (int r = 0; r < REPETITIONS; r++) {
            long start = System.nanoTime();
            float sink = chains(iterations);
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, 12.0 * 2 * iterations / seconds);
            blackhole(sink);
        }
        return best;
    }

    private static float chains(long iterations) {
        float a0 = 1, a1 = 2, a2 = 3, a3 = 4, a4 = 5, a5 = 6, a6 = 7, a7 = 8, a8 = 9, a9 = 10, a10 = 11, a11 = 12;
        float m = 0.999999f, c = 1e-6f;
        for (long i = 0; i < iterations; i++) {
            a0 = Math.fma(a0, m, c); a1 = Math.fma(a1, m, c); a2 = Math.fma(a2, m, c); a3 = Math.fma(a3, m, c);
            a4 = Math.fma(a4, m, c); a5 = Math.fma(a5, m, c); a6 = Math.fma(a6, m, c); a7 = Math.fma(a7, m, c);
            a8 = Math.fma(a8, m, c); a9 = Math.fma(a9, m, c); a10 = Math.fma(a10, m, c); a11 = Math.fma(a11, m, c);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
    }

    /** Flops per second of y = y * m + x over 1,024 floats (8 KiB, in L1), the loop C2 vectorizes. */
    static double autoVectorized() {
        var x = new float[1024];
        var y = new float[1024];
        java.util.Arrays.fill(x, 1e-6f);
        int sweeps = 200_000;
        axpy(y, x, sweeps / 10);
        double best = 0;
        for (int r = 0; r < REPETITIONS; r++) {
            long start = System.nanoTime();
            axpy(y, x, sweeps);
            double seconds = (System.nanoTime() - start) / 1e9;
            best = Math.max(best, 2.0 * x.length * sweeps / seconds);
        }
        blackhole(y[0]);
        return best;
    }

    private static void axpy(float[] y, float[] x, int sweeps) {
        float m = 0.999999f;
        for (int s = 0; s < sweeps; s++) {
            for (int i = 0; i < y.length; i++) {
                y[i] = y[i] * m + x[i];
            }
        }
    }

    private static volatile float sink;

    /** Keeps a result alive, so the JIT cannot drop the loop that made it. */
    private static void blackhole(float value) {
        sink = value;
    }
}
