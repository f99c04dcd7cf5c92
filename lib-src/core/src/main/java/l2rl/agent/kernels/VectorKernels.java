package l2rl.agent.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} with the JDK's Vector API: the products register-blocked (a tile of 4 rows x 3 vectors of
 * accumulators stays in registers while the shared dimension runs, so each weight vector is loaded once for 4
 * episodes and each input once per 3 vectors), the element-wise steps and {@link FloatExp} one vector at a time.
 * Loaded only when the JVM has module jdk.incubator.vector ({@link Kernels#best()}); bit-equal to
 * {@link ScalarKernels}.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED.length() <= LANES
            ? FloatVector.SPECIES_PREFERRED : FloatVector.SPECIES_512;
    private static final int L = S.length();
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;  // the optimizer's state

    @Override
    public void multiplyAdd(float[] a, int aOff, int aStride, int rows, int k, float[] w, int wOff, int wStride,
            int cols, float[] out, int outOff, int outStride) {
        for (int r = 0; r < rows; r += 4) {
            int a0 = aOff + r * aStride;
            int a1 = a0 + aStride;
            int a2 = a1 + aStride;
            int a3 = a2 + aStride;
            int o0 = outOff + r * outStride;
            int o1 = o0 + outStride;
            int o2 = o1 + outStride;
            int o3 = o2 + outStride;
            int j = 0;
            for (; j + 3 * L <= cols; j += 3 * L) {
                var c00 = FloatVector.fromArray(S, out, o0 + j);
                var c01 = FloatVector.fromArray(S, out, o0 + j + L);
                var c02 = FloatVector.fromArray(S, out, o0 + j + 2 * L);
                var c10 = FloatVector.fromArray(S, out, o1 + j);
                var c11 = FloatVector.fromArray(S, out, o1 + j + L);
                var c12 = FloatVector.fromArray(S, out, o1 + j + 2 * L);
                var c20 = FloatVector.fromArray(S, out, o2 + j);
                var c21 = FloatVector.fromArray(S, out, o2 + j + L);
                var c22 = FloatVector.fromArray(S, out, o2 + j + 2 * L);
                var c30 = FloatVector.fromArray(S, out, o3 + j);
                var c31 = FloatVector.fromArray(S, out, o3 + j + L);
                var c32 = FloatVector.fromArray(S, out, o3 + j + 2 * L);
                for (int i = 0; i < k; i++) {
                    int wr = wOff + i * wStride + j;
                    var w0 = FloatVector.fromArray(S, w, wr);
                    var w1 = FloatVector.fromArray(S, w, wr + L);
                    var w2 = FloatVector.fromArray(S, w, wr + 2 * L);
                    var x = FloatVector.broadcast(S, a[a0 + i]);
                    c00 = w0.fma(x, c00);
                    c01 = w1.fma(x, c01);
                    c02 = w2.fma(x, c02);
                    x = FloatVector.broadcast(S, a[a1 + i]);
                    c10 = w0.fma(x, c10);
                    c11 = w1.fma(x, c11);
                    c12 = w2.fma(x, c12);
                    x = FloatVector.broadcast(S, a[a2 + i]);
                    c20 = w0.fma(x, c20);
                    c21 = w1.fma(x, c21);
                    c22 = w2.fma(x, c22);
                    x = FloatVector.broadcast(S, a[a3 + i]);
                    c30 = w0.fma(x, c30);
                    c31 = w1.fma(x, c31);
                    c32 = w2.fma(x, c32);
                }
                c00.intoArray(out, o0 + j);
                c01.intoArray(out, o0 + j + L);
                c02.intoArray(out, o0 + j + 2 * L);
                c10.intoArray(out, o1 + j);
                c11.intoArray(out, o1 + j + L);
                c12.intoArray(out, o1 + j + 2 * L);
                c20.intoArray(out, o2 + j);
                c21.intoArray(out, o2 + j + L);
                c22.intoArray(out, o2 + j + 2 * L);
                c30.intoArray(out, o3 + j);
                c31.intoArray(out, o3 + j + L);
                c32.intoArray(out, o3 + j + 2 * L);
            }
            for (; j < cols; j += L) {
                var c0 = FloatVector.fromArray(S, out, o0 + j);
                var c1 = FloatVector.fromArray(S, out, o1 + j);
                var c2 = FloatVector.fromArray(S, out, o2 + j);
                var c3 = FloatVector.fromArray(S, out, o3 + j);
                for (int i = 0; i < k; i++) {
                    var w0 = FloatVector.fromArray(S, w, wOff + i * wStride + j);
                    c0 = w0.fma(FloatVector.broadcast(S, a[a0 + i]), c0);
                    c1 = w0.fma(FloatVector.broadcast(S, a[a1 + i]), c1);
                    c2 = w0.fma(FloatVector.broadcast(S, a[a2 + i]), c2);
                    c3 = w0.fma(FloatVector.broadcast(S, a[a3 + i]), c3);
                }
                c0.intoArray(out, o0 + j);
                c1.intoArray(out, o1 + j);
                c2.intoArray(out, o2 + j);
                c3.intoArray(out, o3 + j);
            }
        }
    }

    @Override
    public void transposedMultiplyAdd(float[] a, int aOff, int aStride, int steps, int k, float[] d, int dOff,
            int dStride, int cols, float[] out, int outOff, int outStride) {
        for (int i = 0; i < k; i += 4) {
            int o0 = outOff + i * outStride;
            int o1 = o0 + outStride;
            int o2 = o1 + outStride;
            int o3 = o2 + outStride;
            int j = 0;
            for (; j + 3 * L <= cols; j += 3 * L) {
                var c00 = FloatVector.fromArray(S, out, o0 + j);
                var c01 = FloatVector.fromArray(S, out, o0 + j + L);
                var c02 = FloatVector.fromArray(S, out, o0 + j + 2 * L);
                var c10 = FloatVector.fromArray(S, out, o1 + j);
                var c11 = FloatVector.fromArray(S, out, o1 + j + L);
                var c12 = FloatVector.fromArray(S, out, o1 + j + 2 * L);
                var c20 = FloatVector.fromArray(S, out, o2 + j);
                var c21 = FloatVector.fromArray(S, out, o2 + j + L);
                var c22 = FloatVector.fromArray(S, out, o2 + j + 2 * L);
                var c30 = FloatVector.fromArray(S, out, o3 + j);
                var c31 = FloatVector.fromArray(S, out, o3 + j + L);
                var c32 = FloatVector.fromArray(S, out, o3 + j + 2 * L);
                for (int s = 0; s < steps; s++) {
                    int dr = dOff + s * dStride + j;
                    int ar = aOff + s * aStride + i;
                    var d0 = FloatVector.fromArray(S, d, dr);
                    var d1 = FloatVector.fromArray(S, d, dr + L);
                    var d2 = FloatVector.fromArray(S, d, dr + 2 * L);
                    var x = FloatVector.broadcast(S, a[ar]);
                    c00 = d0.fma(x, c00);
                    c01 = d1.fma(x, c01);
                    c02 = d2.fma(x, c02);
                    x = FloatVector.broadcast(S, a[ar + 1]);
                    c10 = d0.fma(x, c10);
                    c11 = d1.fma(x, c11);
                    c12 = d2.fma(x, c12);
                    x = FloatVector.broadcast(S, a[ar + 2]);
                    c20 = d0.fma(x, c20);
                    c21 = d1.fma(x, c21);
                    c22 = d2.fma(x, c22);
                    x = FloatVector.broadcast(S, a[ar + 3]);
                    c30 = d0.fma(x, c30);
                    c31 = d1.fma(x, c31);
                    c32 = d2.fma(x, c32);
                }
                c00.intoArray(out, o0 + j);
                c01.intoArray(out, o0 + j + L);
                c02.intoArray(out, o0 + j + 2 * L);
                c10.intoArray(out, o1 + j);
                c11.intoArray(out, o1 + j + L);
                c12.intoArray(out, o1 + j + 2 * L);
                c20.intoArray(out, o2 + j);
                c21.intoArray(out, o2 + j + L);
                c22.intoArray(out, o2 + j + 2 * L);
                c30.intoArray(out, o3 + j);
                c31.intoArray(out, o3 + j + L);
                c32.intoArray(out, o3 + j + 2 * L);
            }
            for (; j < cols; j += L) {
                var c0 = FloatVector.fromArray(S, out, o0 + j);
                var c1 = FloatVector.fromArray(S, out, o1 + j);
                var c2 = FloatVector.fromArray(S, out, o2 + j);
                var c3 = FloatVector.fromArray(S, out, o3 + j);
                for (int s = 0; s < steps; s++) {
                    int ar = aOff + s * aStride + i;
                    var d0 = FloatVector.fromArray(S, d, dOff + s * dStride + j);
                    c0 = d0.fma(FloatVector.broadcast(S, a[ar]), c0);
                    c1 = d0.fma(FloatVector.broadcast(S, a[ar + 1]), c1);
                    c2 = d0.fma(FloatVector.broadcast(S, a[ar + 2]), c2);
                    c3 = d0.fma(FloatVector.broadcast(S, a[ar + 3]), c3);
                }
                c0.intoArray(out, o0 + j);
                c1.intoArray(out, o1 + j);
                c2.intoArray(out, o2 + j);
                c3.intoArray(out, o3 + j);
            }
        }
    }

    @Override
    public void columnSums(float[] d, int dOff, int dStride, int steps, int cols, float[] out, int outOff) {
        for (int j = 0; j < cols; j += L) {
            var acc = FloatVector.fromArray(S, out, outOff + j);
            for (int s = 0; s < steps; s++) {
                acc = acc.add(FloatVector.fromArray(S, d, dOff + s * dStride + j));
            }
            acc.intoArray(out, outOff + j);
        }
    }

    @Override
    public void lstmForward(float[] z, int zOff, int rows, int hp, float[] c, int cOff, float[] cNext, int cNextOff,
            float[] tanhC, int tanhOff, float[] hNext, int hNextOff, int hNextStride) {
        int g4 = 4 * hp;
        for (int r = 0; r < rows; r++) {
            int zr = zOff + r * g4;
            int cr = r * hp;
            for (int j = 0; j < hp; j += L) {
                var i = sigmoid(FloatVector.fromArray(S, z, zr + j));
                var f = sigmoid(FloatVector.fromArray(S, z, zr + hp + j));
                var g = tanh(FloatVector.fromArray(S, z, zr + 2 * hp + j));
                var o = sigmoid(FloatVector.fromArray(S, z, zr + 3 * hp + j));
                i.intoArray(z, zr + j);
                f.intoArray(z, zr + hp + j);
                g.intoArray(z, zr + 2 * hp + j);
                o.intoArray(z, zr + 3 * hp + j);
                var cn = f.fma(FloatVector.fromArray(S, c, cOff + cr + j), i.mul(g));
                var tc = tanh(cn);
                cn.intoArray(cNext, cNextOff + cr + j);
                tc.intoArray(tanhC, tanhOff + cr + j);
                o.mul(tc).intoArray(hNext, hNextOff + r * hNextStride + j);
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
            for (int j = 0; j < hp; j += L) {
                var i = FloatVector.fromArray(S, gates, gr + j);
                var f = FloatVector.fromArray(S, gates, gr + hp + j);
                var g = FloatVector.fromArray(S, gates, gr + 2 * hp + j);
                var o = FloatVector.fromArray(S, gates, gr + 3 * hp + j);
                var tc = FloatVector.fromArray(S, tanhC, tanhOff + cr + j);
                var d = FloatVector.fromArray(S, dh, cr + j);
                var dcell = d.mul(o).fma(tc.neg().fma(tc, ONE), FloatVector.fromArray(S, dc, cr + j));
                dcell.mul(g).mul(i.mul(i.neg().add(1f))).intoArray(dz, zr + j);
                dcell.mul(FloatVector.fromArray(S, c, cOff + cr + j)).mul(f.mul(f.neg().add(1f)))
                        .intoArray(dz, zr + hp + j);
                dcell.mul(i).mul(g.neg().fma(g, ONE)).intoArray(dz, zr + 2 * hp + j);
                d.mul(tc).mul(o.mul(o.neg().add(1f))).intoArray(dz, zr + 3 * hp + j);
                dcell.mul(f).intoArray(dc, cr + j);
            }
        }
    }

    @Override
    public void gruForward(float[] a, int aOff, int rows, int hp, float[] h, int hOff, float[] hNext, int hNextOff,
            int hStride) {
        int g4 = 4 * hp;
        for (int r = 0; r < rows; r++) {
            int ar = aOff + r * g4;
            for (int j = 0; j < hp; j += L) {
                var reset = sigmoid(FloatVector.fromArray(S, a, ar + j));
                var update = sigmoid(FloatVector.fromArray(S, a, ar + hp + j));
                var u = FloatVector.fromArray(S, a, ar + 3 * hp + j);
                var n = tanh(reset.fma(u, FloatVector.fromArray(S, a, ar + 2 * hp + j)));
                var hPrev = FloatVector.fromArray(S, h, hOff + r * hStride + j);
                reset.intoArray(a, ar + j);
                update.intoArray(a, ar + hp + j);
                n.intoArray(a, ar + 2 * hp + j);
                update.fma(hPrev.sub(n), n).intoArray(hNext, hNextOff + r * hStride + j);
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
            for (int j = 0; j < hp; j += L) {
                var reset = FloatVector.fromArray(S, gates, gr + j);
                var update = FloatVector.fromArray(S, gates, gr + hp + j);
                var n = FloatVector.fromArray(S, gates, gr + 2 * hp + j);
                var u = FloatVector.fromArray(S, gates, gr + 3 * hp + j);
                var d = FloatVector.fromArray(S, dh, r * hp + j);
                var hPrev = FloatVector.fromArray(S, h, hOff + r * hStride + j);
                var dan = d.mul(update.neg().add(1f)).mul(n.neg().fma(n, ONE));
                var du = dan.mul(reset);
                du.mul(u).mul(reset.neg().add(1f)).intoArray(da, dr + j);
                d.mul(hPrev.sub(n)).mul(update.mul(update.neg().add(1f))).intoArray(da, dr + hp + j);
                dan.intoArray(da, dr + 2 * hp + j);
                du.intoArray(da, dr + 3 * hp + j);
                d.mul(update).intoArray(dhPrev, r * hp + j);
            }
        }
    }

    private static final FloatVector MINUS_LN2_HI = FloatVector.broadcast(S, -FloatExp.LN2_HI);
    private static final FloatVector MINUS_LN2_LO = FloatVector.broadcast(S, -FloatExp.LN2_LO);
    private static final FloatVector C6 = FloatVector.broadcast(S, FloatExp.C6);
    private static final FloatVector C5 = FloatVector.broadcast(S, FloatExp.C5);
    private static final FloatVector C4 = FloatVector.broadcast(S, FloatExp.C4);
    private static final FloatVector C3 = FloatVector.broadcast(S, FloatExp.C3);
    private static final FloatVector C2 = FloatVector.broadcast(S, FloatExp.C2);

    /** {@link FloatExp#exp}, lane by lane, with the same operations. */
    private static FloatVector exp(FloatVector x) {
        x = x.max(FloatExp.LOW).min(FloatExp.HIGH);
        var t = x.fma(FloatExp.LOG2E, FloatExp.ROUNDER);
        var n = t.sub(FloatExp.ROUNDER);
        var r = n.fma(MINUS_LN2_HI, x);
        r = n.fma(MINUS_LN2_LO, r);
        var q = C6.fma(r, C5);
        q = q.fma(r, C4);
        q = q.fma(r, C3);
        q = q.fma(r, C2);
        q = q.fma(r, ONE);
        q = q.fma(r, ONE);
        var scale = ((IntVector) t.reinterpretAsInts()).add(127 - FloatExp.ROUNDER_BITS)
                .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return q.mul(scale);
    }

    private static FloatVector sigmoid(FloatVector x) {
        return FloatVector.broadcast(S, 1f).div(exp(x.neg()).add(1f));
    }

    private static FloatVector tanh(FloatVector x) {
        return FloatVector.broadcast(S, 2f).div(exp(x.mul(-2f)).add(1f)).sub(1f);
    }

    @Override
    public void adamStep(float[] params, double[] g, double[] m, double[] v, double b1, double b2, double c1,
            double c2, double lr, double eps) {
        int n = params.length;
        double[] step = scratch(n);
        int i = 0;
        for (; i + D.length() <= n; i += D.length()) {
            var gi = DoubleVector.fromArray(D, g, i);
            var mi = DoubleVector.fromArray(D, m, i).mul(b1).add(gi.mul(1 - b1));
            var vi = DoubleVector.fromArray(D, v, i).mul(b2).add(gi.mul(1 - b2).mul(gi));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            mi.div(c1).mul(lr).div(vi.div(c2).sqrt().add(eps)).intoArray(step, i);
        }
        for (; i < n; i++) {
            m[i] = b1 * m[i] + (1 - b1) * g[i];
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
            step[i] = lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
        }
        subtract(params, step);
    }

    @Override
    public void rmspropStep(float[] params, double[] g, double[] v, double b2, double lr, double eps) {
        int n = params.length;
        double[] step = scratch(n);
        int i = 0;
        for (; i + D.length() <= n; i += D.length()) {
            var gi = DoubleVector.fromArray(D, g, i);
            var vi = DoubleVector.fromArray(D, v, i).mul(b2).add(gi.mul(1 - b2).mul(gi));
            vi.intoArray(v, i);
            gi.mul(lr).div(vi.add(eps).sqrt()).intoArray(step, i);
        }
        for (; i < n; i++) {
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
            step[i] = lr * g[i] / Math.sqrt(v[i] + eps);
        }
        subtract(params, step);
    }

    /*
     * The float parameters move by plain Java, which C2 vectorises itself: a FloatVector of another shape than the
     * engine's in the same JVM makes the engine's vector code several times slower (its call sites see two species).
     */
    private static void subtract(float[] params, double[] step) {
        for (int i = 0; i < params.length; i++) {
            params[i] -= (float) step[i];
        }
    }

    private final ThreadLocal<double[][]> steps = ThreadLocal.withInitial(() -> new double[1][0]);

    private double[] scratch(int n) {
        double[][] holder = steps.get();
        if (holder[0].length < n) {
            holder[0] = new double[n];
        }
        return holder[0];
    }

    @Override
    public double multiplyAddPeak() {
        long iterations = 20_000_000;
        float sink = chains(iterations / 10);
        double best = 0;
        for (int r = 0; r < 5; r++) {
            long start = System.nanoTime();
            sink += chains(iterations);
            best = Math.max(best, 12.0 * 2 * L * iterations / ((System.nanoTime() - start) / 1e9));
        }
        peakSink = sink;  // keeps the chains' result alive, so the JIT cannot drop them
        return best;
    }

    private static volatile float peakSink;

    // the engine's own species, so this loop's call sites see only the vectors the engine's do
    private static float chains(long iterations) {
        var a0 = FloatVector.broadcast(S, 1f);
        var a1 = FloatVector.broadcast(S, 2f);
        var a2 = FloatVector.broadcast(S, 3f);
        var a3 = FloatVector.broadcast(S, 4f);
        var a4 = FloatVector.broadcast(S, 5f);
        var a5 = FloatVector.broadcast(S, 6f);
        var a6 = FloatVector.broadcast(S, 7f);
        var a7 = FloatVector.broadcast(S, 8f);
        var a8 = FloatVector.broadcast(S, 9f);
        var a9 = FloatVector.broadcast(S, 10f);
        var a10 = FloatVector.broadcast(S, 11f);
        var a11 = FloatVector.broadcast(S, 12f);
        var m = FloatVector.broadcast(S, 0.999999f);
        var c = FloatVector.broadcast(S, 1e-6f);
        for (long i = 0; i < iterations; i++) {
            a0 = a0.fma(m, c); a1 = a1.fma(m, c); a2 = a2.fma(m, c); a3 = a3.fma(m, c);
            a4 = a4.fma(m, c); a5 = a5.fma(m, c); a6 = a6.fma(m, c); a7 = a7.fma(m, c);
            a8 = a8.fma(m, c); a9 = a9.fma(m, c); a10 = a10.fma(m, c); a11 = a11.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }

    @Override
    public String name() {
        return "vector-" + L * 32;
    }
}
