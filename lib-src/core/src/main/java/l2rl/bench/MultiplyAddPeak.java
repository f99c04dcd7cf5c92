package l2rl.bench;

/**
 * What one core reaches in plain Java on multiply-adds over arrays, beside the FMA chains of
 * {@link l2rl.agent.kernels.Kernels#multiplyAddPeak()}: {@code y = y * m + x} over arrays that stay in L1, which
 * C2 vectorizes with the machine's widest vectors. Each multiply-add counts 2 flops. The best of a few repetitions,
 * after a warm-up, so the JIT has compiled the loop.
 */
final class MultiplyAddPeak {
    private static final int REPETITIONS = 5;

    private MultiplyAddPeak() {
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
