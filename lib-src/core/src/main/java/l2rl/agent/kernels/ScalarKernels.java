package l2rl.agent.kernels;

import static l2rl.agent.kernels.FloatExp.sigmoid;
import static l2rl.agent.kernels.FloatExp.tanh;

/**
 * {@link Kernels} in plain Java, one element at a time: the path of a JVM without the Vector API module, and the
 * definition the vector kernels are held to, bit for bit. Each formula is written as the vector code computes it
 * (the same fused multiply-adds, the same association), which is why some read unusually.
 */
public final class ScalarKernels implements Kernels {

    @Override
    public void multiplyAdd(float[] a, int aOff, int aStride, int rows, int k, float[] w, int wOff, int wStride,
            int cols, float[] out, int outOff, int outStride) {
        for (int r = 0; r < rows; r++) {
            int ar = aOff + r * aStride;
            int or = outOff + r * outStride;
            for (int j = 0; j < cols; j++) {
                float acc = out[or + j];
                for (int i = 0; i < k; i++) {
                    acc = Math.fma(a[ar + i], w[wOff + i * wStride + j], acc);
                }
                out[or + j] = acc;
            }
        }
    }

    @Override
    public void transposedMultiplyAdd(float[] a, int aOff, int aStride, int steps, int k, float[] d, int dOff,
            int dStride, int cols, float[] out, int outOff, int outStride) {
        for (int i = 0; i < k; i++) {
            int or = outOff + i * outStride;
            for (int j = 0; j < cols; j++) {
                float acc = out[or + j];
                for (int s = 0; s < steps; s++) {
                    acc = Math.fma(a[aOff + s * aStride + i], d[dOff + s * dStride + j], acc);
                }
                out[or + j] = acc;
            }
        }
    }

    @Override
    public void columnSums(float[] d, int dOff, int dStride, int steps, int cols, float[] out, int outOff) {
        for (int j = 0; j < cols; j++) {
            float acc = out[outOff + j];
            for (int s = 0; s < steps; s++) {
                acc += d[dOff + s * dStride + j];
            }
            out[outOff + j] = acc;
        }
    }

    @Override
    public void lstmForward(float[] z, int zOff, int rows, int hp, float[] c, int cOff, float[] cNext, int cNextOff,
            float[] tanhC, int tanhOff, float[] hNext, int hNextOff, int hNextStride) {
        int g4 = 4 * hp;
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * g4;
            int cr = r * hp;
            for (int j = 0; j < hp; j++) {
                float i = sigmoid(z[zr + j]);
                float f = sigmoid(z[zr + hp + j]);
                float g = tanh(z[zr + 2 * hp + j]);
                float o = sigmoid(z[zr + 3 * hp + j]);
                z[zr + j] = i;
                z[zr + hp + j] = f;
                z[zr + 2 * hp + j] = g;
                z[zr + 3 * hp + j] = o;
                float cn = Math.fma(f, c[cOff + cr + j], i * g);
                float tc = tanh(cn);
                cNext[cNextOff + cr + j] = cn;
                tanhC[tanhOff + cr + j] = tc;
                hNext[hNextOff + r * hNextStride + j] = o * tc;
            }
        }
    }

    @Override
    public void lstmBackward(float[] gates, int gOff, int rows, int hp, float[] c, int cOff, float[] tanhC,
            int tanhOff, float[] dh, float[] dc, float[] dz, int dzOff) {
        int g4 = 4 * hp;
        for (int r = 0; r < rows; r++) {
            int gr = gOff + r * g4;
            int cr = r * hp;
            int zr = dzOff + r * g4;
            for (int j = 0; j < hp; j++) {
                float i = gates[gr + j];
                float f = gates[gr + hp + j];
                float g = gates[gr + 2 * hp + j];
                float o = gates[gr + 3 * hp + j];
                float tc = tanhC[tanhOff + cr + j];
                float d = dh[cr + j];
                float dcell = Math.fma(d * o, Math.fma(-tc, tc, 1f), dc[cr + j]);
                dz[zr + j] = dcell * g * (i * (1f - i));
                dz[zr + hp + j] = dcell * c[cOff + cr + j] * (f * (1f - f));
                dz[zr + 2 * hp + j] = dcell * i * Math.fma(-g, g, 1f);
                dz[zr + 3 * hp + j] = d * tc * (o * (1f - o));
                dc[cr + j] = dcell * f;
            }
        }
    }

    @Override
    public void gruForward(float[] a, int aOff, int rows, int hp, float[] h, int hOff, float[] hNext, int hNextOff,
            int hStride) {
        int g4 = 4 * hp;
        for (int r = 0; r < rows; r++) {
            int ar = aOff + r * g4;
            for (int j = 0; j < hp; j++) {
                float reset = sigmoid(a[ar + j]);
                float update = sigmoid(a[ar + hp + j]);
                float u = a[ar + 3 * hp + j];
                float n = tanh(Math.fma(reset, u, a[ar + 2 * hp + j]));
                float hPrev = h[hOff + r * hStride + j];
                a[ar + j] = reset;
                a[ar + hp + j] = update;
                a[ar + 2 * hp + j] = n;
                hNext[hNextOff + r * hStride + j] = Math.fma(update, hPrev - n, n);
            }
        }
    }

    @Override
    public void gruBackward(float[] gates, int gOff, int rows, int hp, float[] h, int hOff, int hStride, float[] dh,
            float[] da, int daOff, float[] dhPrev) {
        int g4 = 4 * hp;
        for (int r = 0; r < rows; r++) {
            int gr = gOff + r * g4;
            int dr = daOff + r * g4;
            for (int j = 0; j < hp; j++) {
                float reset = gates[gr + j];
                float update = gates[gr + hp + j];
                float n = gates[gr + 2 * hp + j];
                float u = gates[gr + 3 * hp + j];
                float d = dh[r * hp + j];
                float hPrev = h[hOff + r * hStride + j];
                float dan = d * (1f - update) * Math.fma(-n, n, 1f);
                float du = dan * reset;
                da[dr + j] = du * u * (1f - reset);
                da[dr + hp + j] = d * (hPrev - n) * (update * (1f - update));
                da[dr + 2 * hp + j] = dan;
                da[dr + 3 * hp + j] = du;
                dhPrev[r * hp + j] = d * update;
            }
        }
    }

    @Override
    public void adamStep(float[] params, double[] g, double[] m, double[] v, double b1, double b2, double c1,
            double c2, double lr, double eps) {
        for (int i = 0; i < params.length; i++) {
            m[i] = b1 * m[i] + (1 - b1) * g[i];
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
            params[i] -= (float) (lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps));
        }
    }

    @Override
    public void rmspropStep(float[] params, double[] g, double[] v, double b2, double lr, double eps) {
        for (int i = 0; i < params.length; i++) {
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
            params[i] -= (float) (lr * g[i] / Math.sqrt(v[i] + eps));
        }
    }

    @Override
    public double multiplyAddPeak() {
        long iterations = 20_000_000;
        float sink = chains(iterations / 10);
        double best = 0;
        for (int r = 0; r < 5; r++) {
            long start = System.nanoTime();
            sink += chains(iterations);
            best = Math.max(best, 12.0 * 2 * iterations / ((System.nanoTime() - start) / 1e9));
        }
        peakSink = sink;  // keeps the chains' result alive, so the JIT cannot drop them
        return best;
    }

    private static volatile float peakSink;

    // Math.fma is one FMA instruction; twelve chains hide its latency
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

    @Override
    public String name() {
        return "scalar";
    }
}
