package l2rl.train;

import java.util.SplittableRandom;

/**
 * The arithmetic of one training step of the agent, in plain Java, for {@link TrainingBench} only: an LSTM
 * of the agent's size with policy and value heads, forward over a batch of episodes one trial at a time
 * (acting) and backward through time over whole episodes (learning). It is the reference for how fast the
 * same work can go on this machine without any library overhead; it is not used for training.
 */
final class PlainLstm {
    final int in;
    final int hidden;
    final int arms;
    final float[] w;   // [(in + hidden) x 4H], gates i, f, g, o
    final float[] b;   // [4H]
    final float[] wp;  // [H x A]
    final float[] wv;  // [H]
    final float[] gw;
    final float[] gb;
    final float[] gwp;
    final float[] gwv;

    PlainLstm(int in, int hidden, int arms, long seed) {
        this.in = in;
        this.hidden = hidden;
        this.arms = arms;
        var rng = new SplittableRandom(seed);
        w = random((in + hidden) * 4 * hidden, rng, 0.2);
        b = new float[4 * hidden];
        wp = random(hidden * arms, rng, 0.01);
        wv = random(hidden, rng, 0.2);
        gw = new float[w.length];
        gb = new float[b.length];
        gwp = new float[wp.length];
        gwv = new float[wv.length];
    }

    private static float[] random(int n, SplittableRandom rng, double scale) {
        var a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) ((rng.nextDouble() * 2 - 1) * scale);
        }
        return a;
    }

    /** Activations of one episode kept for the backward pass. */
    static final class Trace {
        final float[][] x;
        final float[][] h;
        final float[][] c;
        final float[][] gates;  // post-activation i, f, g, o
        final float[][] probs;
        final float[] values;

        Trace(int trials, int in, int hidden, int arms) {
            x = new float[trials][in];
            h = new float[trials + 1][hidden];
            c = new float[trials + 1][hidden];
            gates = new float[trials][4 * hidden];
            probs = new float[trials][arms];
            values = new float[trials];
        }
    }

    /** One forward step at trial t of an episode: reads tr.x[t], tr.h[t], tr.c[t]; fills the rest. */
    void step(Trace tr, int t) {
        int h4 = 4 * hidden;
        var z = tr.gates[t];
        System.arraycopy(b, 0, z, 0, h4);
        var x = tr.x[t];
        for (int k = 0; k < in; k++) {
            float xk = x[k];
            if (xk != 0) {
                int row = k * h4;
                for (int j = 0; j < h4; j++) {
                    z[j] += xk * w[row + j];
                }
            }
        }
        var hp = tr.h[t];
        for (int k = 0; k < hidden; k++) {
            float hk = hp[k];
            int row = (in + k) * h4;
            for (int j = 0; j < h4; j++) {
                z[j] += hk * w[row + j];
            }
        }
        var cp = tr.c[t];
        var cn = tr.c[t + 1];
        var hn = tr.h[t + 1];
        for (int j = 0; j < hidden; j++) {
            float i = sigmoid(z[j]);
            float f = sigmoid(z[hidden + j]);
            float g = (float) Math.tanh(z[2 * hidden + j]);
            float o = sigmoid(z[3 * hidden + j]);
            z[j] = i;
            z[hidden + j] = f;
            z[2 * hidden + j] = g;
            z[3 * hidden + j] = o;
            cn[j] = f * cp[j] + i * g;
            hn[j] = o * (float) Math.tanh(cn[j]);
        }
        double max = Double.NEGATIVE_INFINITY;
        var logits = new double[arms];
        for (int a = 0; a < arms; a++) {
            double s = 0;
            for (int j = 0; j < hidden; j++) {
                s += hn[j] * wp[j * arms + a];
            }
            logits[a] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int a = 0; a < arms; a++) {
            logits[a] = Math.exp(logits[a] - max);
            sum += logits[a];
        }
        for (int a = 0; a < arms; a++) {
            tr.probs[t][a] = (float) (logits[a] / sum);
        }
        double v = 0;
        for (int j = 0; j < hidden; j++) {
            v += hn[j] * wv[j];
        }
        tr.values[t] = (float) v;
    }

    /** Backward through time over one episode, accumulating gradients (policy gradient + value loss). */
    void backward(Trace tr, int[] actions, float[] advantages, float[] returns, double betaV) {
        int trials = actions.length;
        int h4 = 4 * hidden;
        var dh = new float[hidden];
        var dc = new float[hidden];
        var dz = new float[h4];
        for (int t = trials - 1; t >= 0; t--) {
            var hn = tr.h[t + 1];
            var dhTotal = dh.clone();
            for (int a = 0; a < arms; a++) {
                float dlogit = -advantages[t] * ((a == actions[t] ? 1f : 0f) - tr.probs[t][a]);
                for (int j = 0; j < hidden; j++) {
                    gwp[j * arms + a] += dlogit * hn[j];
                    dhTotal[j] += dlogit * wp[j * arms + a];
                }
            }
            float dv = (float) (betaV * (tr.values[t] - returns[t]));
            for (int j = 0; j < hidden; j++) {
                gwv[j] += dv * hn[j];
                dhTotal[j] += dv * wv[j];
            }
            var z = tr.gates[t];
            var cn = tr.c[t + 1];
            var cp = tr.c[t];
            for (int j = 0; j < hidden; j++) {
                float i = z[j];
                float f = z[hidden + j];
                float g = z[2 * hidden + j];
                float o = z[3 * hidden + j];
                float tc = (float) Math.tanh(cn[j]);
                float dcj = dc[j] + dhTotal[j] * o * (1 - tc * tc);
                dz[3 * hidden + j] = dhTotal[j] * tc * o * (1 - o);
                dz[j] = dcj * g * i * (1 - i);
                dz[hidden + j] = dcj * cp[j] * f * (1 - f);
                dz[2 * hidden + j] = dcj * i * (1 - g * g);
                dc[j] = dcj * f;
            }
            for (int j = 0; j < h4; j++) {
                gb[j] += dz[j];
            }
            var x = tr.x[t];
            for (int k = 0; k < in; k++) {
                float xk = x[k];
                if (xk != 0) {
                    int row = k * h4;
                    for (int j = 0; j < h4; j++) {
                        gw[row + j] += xk * dz[j];
                    }
                }
            }
            var hp = tr.h[t];
            for (int k = 0; k < hidden; k++) {
                int row = (in + k) * h4;
                float hk = hp[k];
                double s = 0;
                for (int j = 0; j < h4; j++) {
                    gw[row + j] += hk * dz[j];
                    s += w[row + j] * dz[j];
                }
                dh[k] = (float) s;
            }
        }
    }

    private static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }
}
