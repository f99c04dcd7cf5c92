package l2rl.agent;

/**
 * The actor-critic's forward pass and its exact backpropagation through time, in plain Java over flat arrays:
 * the default engine. Nothing is allocated per step or per update and nothing is native, so memory stays flat
 * however long training runs; the arithmetic is a few tight loops over contiguous rows that the JIT vectorises.
 * Computed in double precision: at this size the loops are short and bound by overhead more than by arithmetic
 * width (the throughput in `./l2rl bench` is this double code), and it makes the finite-difference checks exact.
 *
 * <p>Forward, trial t, episode b (symbols as in the code; W, R, b, Wp, bp, Wv, bv as in {@link ParameterLayout}):
 * <pre>
 *   z      = b + x[t] W + h[t] R                          gate pre-activations [4H], blocks i, f, g, o
 *   i, f, o = sigmoid(z_i, z_f, z_o);  g = tanh(z_g)      gates (post-activation)
 *   c[t+1] = f * c[t] + i * g
 *   h[t+1] = o * tanh(c[t+1])
 *   logits = h[t+1] Wp + bp;  pi = softmax(logits);  V = h[t+1] . Wv + bv
 * </pre>
 * Backward, from the rollout's last trial to its first, with dh and dc flowing back from trial t+1 (zero after the
 * rollout's last trial: truncated BPTT; h[0], c[0] are constants):
 * <pre>
 *   dlogits_a = (1/B) [ -A (1[a = a_t] - pi_a) + beta_e pi_a (log pi_a + H(pi)) ]
 *   dV        = (1/B) beta_v (V - R)
 *   dh       += Wp dlogits + Wv dV
 *   dc        = dc + dh o (1 - tanh(c[t+1])^2)
 *   dz_i = dc g i (1 - i);  dz_f = dc c[t] f (1 - f);  dz_g = dc i (1 - g^2);  dz_o = dh tanh(c[t+1]) o (1 - o)
 *   dW += x[t]^T dz;  dR += h[t]^T dz;  db += dz;  dWp += h[t+1]^T dlogits;  dWv += h[t+1] dV
 *   dh[t] = R dz  (through the transposed copy Rt, so the loop runs along contiguous memory);  dc[t] = dc f
 * </pre>
 */
public final class FusedLstmActorCritic implements ActorCritic {
    private final AgentSpec spec;
    private final ParameterLayout layout;
    private final int in;
    private final int hid;
    private final int gates;   // 4H
    private final int arms;
    private final double[] p;  // [P] parameters, ParameterLayout order
    private final double[] rt; // [4H, H] the recurrent weights transposed, for dh[t] = R dz
    // scratch of the backward pass, allocated once
    private final double[] dzScratch;  // [4H] dL/dz of the current trial and episode
    private final double[] dhScratch;  // [H]  dL/dh[t+1] of the current trial and episode
    private double[] dhCarry;          // [B, H] dL/dh flowing back from trial t+1 (sized at the first learn)
    private double[] dcCarry;          // [B, H] dL/dc flowing back from trial t+1
    private final double[] dlogits;  // [A]

    public FusedLstmActorCritic(AgentSpec spec) {
        this.spec = spec;
        this.layout = ParameterLayout.of(spec);
        this.in = spec.inputSize();
        this.hid = spec.hidden();
        this.gates = layout.gates();
        this.arms = spec.arms();
        this.p = new double[layout.size()];
        this.rt = new double[gates * hid];
        this.dzScratch = new double[gates];
        this.dhScratch = new double[hid];
        this.dlogits = new double[arms];
        this.dhCarry = new double[0];
        this.dcCarry = new double[0];
    }

    @Override
    public AgentSpec spec() {
        return spec;
    }

    @Override
    public void setParameters(float[] flat) {
        requireLength(flat.length);
        for (int i = 0; i < p.length; i++) {
            p[i] = flat[i];
        }
        transposeRecurrentWeights();
    }

    @Override
    public void setParameters(double[] flat) {
        requireLength(flat.length);
        System.arraycopy(flat, 0, p, 0, p.length);
        transposeRecurrentWeights();
    }

    private void requireLength(int length) {
        if (length != p.length) {
            throw new IllegalArgumentException("expected " + p.length + " parameters, got " + length);
        }
    }

    private void transposeRecurrentWeights() {
        int r = layout.r();
        for (int k = 0; k < hid; k++) {
            for (int j = 0; j < gates; j++) {
                rt[j * hid + k] = p[r + k * gates + j];
            }
        }
    }

    @Override
    public void act(Rollout ro, int t) {
        int batch = ro.batch;
        int w = layout.w();
        int r = layout.r();
        int bias = layout.b();
        for (int b = 0; b < batch; b++) {
            int s = t * batch + b;
            int xo = s * in;
            int hp = s * hid;              // h[t], c[t] of episode b
            int hn = (s + batch) * hid;    // h[t+1], c[t+1]
            int zo = s * gates;
            var z = ro.gates;
            // z = b + x W + h R
            System.arraycopy(p, bias, z, zo, gates);
            for (int k = 0; k < in; k++) {
                double xk = ro.x[xo + k];
                if (xk != 0) {
                    int row = w + k * gates;
                    for (int j = 0; j < gates; j++) {
                        z[zo + j] += xk * p[row + j];
                    }
                }
            }
            for (int k = 0; k < hid; k++) {
                double hk = ro.h[hp + k];
                int row = r + k * gates;
                for (int j = 0; j < gates; j++) {
                    z[zo + j] += hk * p[row + j];
                }
            }
            // gates, c[t+1] = f c[t] + i g, h[t+1] = o tanh(c[t+1])
            for (int j = 0; j < hid; j++) {
                double i = sigmoid(z[zo + j]);
                double f = sigmoid(z[zo + hid + j]);
                double g = tanh(z[zo + 2 * hid + j]);
                double o = sigmoid(z[zo + 3 * hid + j]);
                z[zo + j] = i;
                z[zo + hid + j] = f;
                z[zo + 2 * hid + j] = g;
                z[zo + 3 * hid + j] = o;
                double cn = f * ro.c[hp + j] + i * g;
                double tc = tanh(cn);
                ro.c[hn + j] = cn;
                ro.tanhC[hp + j] = tc;
                ro.h[hn + j] = o * tc;
            }
            heads(ro, s, hn);
        }
    }

    /** pi = softmax(h Wp + bp), log pi and V = h . Wv + bv for step s from h at offset hn. */
    private void heads(Rollout ro, int s, int hn) {
        int wp = layout.wp();
        int po = s * arms;
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < arms; a++) {
            double logit = p[layout.bp() + a];
            for (int j = 0; j < hid; j++) {
                logit += ro.h[hn + j] * p[wp + j * arms + a];
            }
            ro.logProbs[po + a] = logit;
            max = Math.max(max, logit);
        }
        double sum = 0;
        for (int a = 0; a < arms; a++) {
            sum += Math.exp(ro.logProbs[po + a] - max);
        }
        double logSum = max + Math.log(sum);
        for (int a = 0; a < arms; a++) {
            double lp = ro.logProbs[po + a] - logSum;
            ro.logProbs[po + a] = lp;
            ro.probs[po + a] = Math.exp(lp);
        }
        int wv = layout.wv();
        double v = p[layout.bv()];
        for (int j = 0; j < hid; j++) {
            v += ro.h[hn + j] * p[wv + j];
        }
        ro.values[s] = v;
    }

    @Override
    public Losses learn(Rollout ro, double betaV, double betaE, double[] grad) {
        requireLength(grad.length);
        java.util.Arrays.fill(grad, 0);
        int batch = ro.batch;
        if (dhCarry.length != batch * hid) {
            dhCarry = new double[batch * hid];
            dcCarry = new double[batch * hid];
        }
        java.util.Arrays.fill(dhCarry, 0);   // nothing flows back from beyond the rollout (truncation)
        java.util.Arrays.fill(dcCarry, 0);
        double perEpisode = 1.0 / batch;
        double policyLoss = 0;
        double valueLoss = 0;
        double entropy = 0;
        int w = layout.w();
        int r = layout.r();
        int bias = layout.b();
        int wp = layout.wp();
        int bp = layout.bp();
        int wv = layout.wv();
        int bv = layout.bv();
        var dz = dzScratch;
        var dh = dhScratch;
        for (int t = ro.length() - 1; t >= 0; t--) {
            for (int b = 0; b < batch; b++) {
                int s = t * batch + b;
                int hp = s * hid;
                int hn = (s + batch) * hid;
                int po = s * arms;
                int action = ro.actions[s];
                double advantage = ro.advantages[s];
                double error = ro.values[s] - ro.returns[s];
                // the loss terms and dlogits = (1/B)[-A (1[a = a_t] - pi) + beta_e pi (log pi + H)]
                double h = 0;
                for (int a = 0; a < arms; a++) {
                    h -= ro.probs[po + a] * ro.logProbs[po + a];
                }
                policyLoss -= ro.logProbs[po + action] * advantage;
                valueLoss += 0.5 * error * error;
                entropy += h;
                for (int a = 0; a < arms; a++) {
                    double pi = ro.probs[po + a];
                    dlogits[a] = perEpisode * (-advantage * ((a == action ? 1 : 0) - pi)
                            + betaE * pi * (ro.logProbs[po + a] + h));
                    grad[bp + a] += dlogits[a];
                }
                double dv = perEpisode * betaV * error;
                grad[bv] += dv;
                // dh = dh[t+1 -> t] + Wp dlogits + Wv dV; head gradients
                int carry = b * hid;
                for (int j = 0; j < hid; j++) {
                    double hj = ro.h[hn + j];
                    double d = dhCarry[carry + j] + dv * p[wv + j];
                    for (int a = 0; a < arms; a++) {
                        d += dlogits[a] * p[wp + j * arms + a];
                        grad[wp + j * arms + a] += hj * dlogits[a];
                    }
                    grad[wv + j] += hj * dv;
                    dh[j] = d;
                }
                // through the cell: dz (gate pre-activations) and dc[t]
                int zo = s * gates;
                var gate = ro.gates;
                for (int j = 0; j < hid; j++) {
                    double i = gate[zo + j];
                    double f = gate[zo + hid + j];
                    double g = gate[zo + 2 * hid + j];
                    double o = gate[zo + 3 * hid + j];
                    double tc = ro.tanhC[hp + j];
                    double dc = dcCarry[carry + j] + dh[j] * o * (1 - tc * tc);
                    dz[j] = dc * g * i * (1 - i);
                    dz[hid + j] = dc * ro.c[hp + j] * f * (1 - f);
                    dz[2 * hid + j] = dc * i * (1 - g * g);
                    dz[3 * hid + j] = dh[j] * tc * o * (1 - o);
                    dcCarry[carry + j] = dc * f;
                }
                // db += dz; dW += x^T dz; dR += h[t]^T dz
                for (int j = 0; j < gates; j++) {
                    grad[bias + j] += dz[j];
                }
                int xo = s * in;
                for (int k = 0; k < in; k++) {
                    double xk = ro.x[xo + k];
                    if (xk != 0) {
                        int row = w + k * gates;
                        for (int j = 0; j < gates; j++) {
                            grad[row + j] += xk * dz[j];
                        }
                    }
                }
                for (int k = 0; k < hid; k++) {
                    double hk = ro.h[hp + k];
                    int row = r + k * gates;
                    for (int j = 0; j < gates; j++) {
                        grad[row + j] += hk * dz[j];
                    }
                }
                // dh[t] = R dz, along the rows of Rt
                for (int k = 0; k < hid; k++) {
                    dhCarry[carry + k] = 0;
                }
                for (int j = 0; j < gates; j++) {
                    double dzj = dz[j];
                    int row = j * hid;
                    for (int k = 0; k < hid; k++) {
                        dhCarry[carry + k] += dzj * rt[row + k];
                    }
                }
            }
        }
        policyLoss *= perEpisode;
        valueLoss *= perEpisode;
        entropy *= perEpisode;
        return new Losses(policyLoss + betaV * valueLoss - betaE * entropy, policyLoss, valueLoss, entropy);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** tanh through one exp (Math.tanh is not a JIT intrinsic); absolute error ~1e-16. */
    private static double tanh(double x) {
        return 2 / (1 + Math.exp(-2 * x)) - 1;
    }
}
