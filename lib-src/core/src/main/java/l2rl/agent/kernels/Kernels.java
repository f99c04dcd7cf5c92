package l2rl.agent.kernels;

/**
 * The arithmetic of the batched engine, over float arrays laid out row-major with every row padded to whole
 * vectors ({@link #LANES} floats): two matrix products, a column sum and each cell's element-wise step, forward
 * and backward. Two implementations compute exactly the same floats: {@code VectorKernels}, with the JDK's Vector
 * API (module {@code jdk.incubator.vector}), and {@link ScalarKernels}, plain Java for a JVM started without that
 * module. They agree to the bit because every output element sees the same operations in the same order (one
 * fused multiply-add per term, terms in ascending order, the exponential by {@link FloatExp}'s polynomial) and
 * nothing is summed across vector lanes; a test holds them equal.
 *
 * <p>Shapes: {@code rows} is a multiple of 4 (the engine pads its batch), {@code cols} a multiple of
 * {@link #LANES}, and {@code k} of a transposed product a multiple of 4. Strides are in floats.
 */
public interface Kernels {
    /** Row padding unit of every matrix: 16 floats, one AVX-512 register (two AVX2 registers). */
    int LANES = 16;

    /** {@code out[r, j] += sum_k a[r, k] w[k, j]} for r < rows, j < cols, terms in ascending k. */
    void multiplyAdd(float[] a, int aOff, int aStride, int rows, int k, float[] w, int wOff, int wStride, int cols,
            float[] out, int outOff, int outStride);

    /** {@code out[k, j] += sum_s a[s, i] d[s, j]} for i < k, j < cols, terms in ascending s (s < steps). */
    void transposedMultiplyAdd(float[] a, int aOff, int aStride, int steps, int k, float[] d, int dOff, int dStride,
            int cols, float[] out, int outOff, int outStride);

    /** {@code out[j] += sum_s d[s, j]}, terms in ascending s. */
    void columnSums(float[] d, int dOff, int dStride, int steps, int cols, float[] out, int outOff);

    /**
     * LSTM forward of one trial, rows r < rows, units j < hp: gate pre-activations {@code z} [rows, 4 hp] (blocks i,
     * f, g, o) become the gates (i, f, o sigmoid, g tanh) in place; {@code c' = f c + i g}, {@code tanhC = tanh(c')},
     * {@code h' = o tanhC}.
     */
    void lstmForward(float[] z, int zOff, int rows, int hp, float[] c, int cOff, float[] cNext, int cNextOff,
            float[] tanhC, int tanhOff, float[] hNext, int hNextOff, int hNextStride);

    /**
     * LSTM backward of one trial: from dL/dh' ({@code dh}, [rows, hp]) and dL/dc' ({@code dc}, carried, updated in
     * place to dL/dc), the gate pre-activations' deltas into {@code dz} [rows, 4 hp].
     */
    void lstmBackward(float[] gates, int gOff, int rows, int hp, float[] c, int cOff, float[] tanhC, int tanhOff,
            float[] dh, float[] dc, float[] dz, int dzOff);

    /**
     * GRU forward of one trial: {@code a} [rows, 4 hp] holds the pre-activations r, z, n's input side and
     * u = h R_n + bn; r, z, n replace the first three blocks in place (u stays); {@code h' = n + z (h - n)} with
     * {@code n = tanh(a_n + r u)}. {@code h} and {@code hNext} rows have stride {@code hStride}.
     */
    void gruForward(float[] a, int aOff, int rows, int hp, float[] h, int hOff, float[] hNext, int hNextOff,
            int hStride);

    /**
     * GRU backward of one trial: from dL/dh' ({@code dh}) the deltas of the four column blocks (r, z, n's input
     * side, u) into {@code da} [rows, 4 hp], and {@code dh z} (the direct path to h) into {@code dhPrev} [rows, hp].
     */
    void gruBackward(float[] gates, int gOff, int rows, int hp, float[] h, int hOff, int hStride, float[] dh,
            float[] da, int daOff, float[] dhPrev);

    /**
     * One Adam step of the optimizer (its state in double, so a checkpoint stores it exactly), element by element:
     * {@code m = b1 m + (1 - b1) g;  v = b2 v + ((1 - b2) g) g;  p -= (float) ((lr (m / c1)) / (sqrt(v / c2) + eps))}
     * with c1, c2 the bias corrections.
     */
    void adamStep(float[] params, double[] g, double[] m, double[] v, double b1, double b2, double c1, double c2,
            double lr, double eps);

    /** One RMSProp step: {@code v = b2 v + ((1 - b2) g) g;  p -= (float) ((lr g) / sqrt(v + eps))}. */
    void rmspropStep(float[] params, double[] g, double[] v, double b2, double lr, double eps);

    /**
     * Flops per second that twelve independent multiply-add chains held in registers reach on this core with this
     * implementation's instructions (one scalar FMA, or one FMA on a whole vector, counting 2 flops a lane): the
     * peak that `./l2rl bench` sets the engine's achieved rate against. The best of five runs after a warm-up.
     */
    double multiplyAddPeak();

    /** The implementation name, for `./l2rl bench` and error messages. */
    String name();

    /** The Vector API implementation when the JVM has module jdk.incubator.vector, else the scalar one. */
    static Kernels best() {
        return Holder.BEST;
    }

    /** Whether {@link #best()} is the Vector API implementation. */
    static boolean vectorized() {
        return !(best() instanceof ScalarKernels);
    }

    /** The first use picks the implementation once per JVM. */
    final class Holder {
        static final Kernels BEST = pick();

        private Holder() {
        }

        private static Kernels pick() {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()
                    || Boolean.getBoolean("l2rl.scalarKernels")) {
                return new ScalarKernels();
            }
            try {
                return (Kernels) Class.forName("l2rl.agent.kernels.VectorKernels").getDeclaredConstructor()
                        .newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarKernels();
            }
        }
    }
}
