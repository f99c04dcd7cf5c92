package l2rl.agent;

import java.util.Arrays;

/**
 * The GRU actor-critic's forward pass and its exact backpropagation through time, in plain Java over flat arrays:
 * the fused engine for {@code cell = gru}. As {@link FusedLstmActorCritic}: double precision, nothing allocated per
 * step or per update (the [B, H] carries are sized once, at the first update), nothing native; the heads and the
 * loss are the LSTM engine's, only the cell differs.
 *
 * <p>The cell is PyTorch's {@code torch.nn.GRU}, the reset gate applied after the recurrent product. PyTorch has
 * two bias vectors, b_ih and b_hh [3H]; for r and z only their sum acts, so this layout keeps one bias b [3H]
 * (b_r = b_ir + b_hr, b_z = b_iz + b_hz, b_n = b_in) and the one recurrent bias that acts on its own, bn = b_hn
 * [H], inside r * (...). The same functions as PyTorch's, with 2H fewer parameters: 3H (I + H + 1) + H for the
 * cell (PyTorch: 3H (I + H + 2)); GRU(56) at input 4 has 10,475 parameters in all, LSTM(48) 10,323.
 *
 * <p>Forward, trial t, episode b (W, R, b, bn, Wp, bp, Wv, bv as in {@link ParameterLayout}; blocks r, z, n of H):
 * <pre>
 *   ax     = b + x[t] W                                 input pre-activations [3H], blocks r, z, n
 *   ah     = h[t] R                                     recurrent products [3H], blocks r, z, n
 *   r = sigmoid(ax_r + ah_r);  z = sigmoid(ax_z + ah_z)  reset and update gates
 *   u      = ah_n + bn                                  the recurrent candidate, kept (Rollout.candidate)
 *   n      = tanh(ax_n + r * u)                         the candidate state
 *   h[t+1] = (1 - z) * n + z * h[t]
 *   logits = h[t+1] Wp + bp;  pi = softmax(logits);  V = h[t+1] . Wv + bv
 * </pre>
 * Backward, from the rollout's last trial to its first, with dh flowing back from trial t+1 (zero after the
 * rollout's last trial: truncated BPTT; h[0] is a constant):
 * <pre>
 *   dlogits_a = (1/B) [ -A (1[a = a_t] - pi_a) + beta_e pi_a (log pi_a + H(pi)) ]
 *   dV        = (1/B) beta_v (V - R)
 *   dh       += Wp dlogits + Wv dV
 *   dan = dh (1 - z) (1 - n^2);  daz = dh (h[t] - n) z (1 - z);  du = dan r;  dar = dan u r (1 - r)
 *   dx = (dar, daz, dan)   the input side's deltas;   dr = (dar, daz, du)   the recurrent side's deltas
 *   dW += x[t]^T dx;  db += dx;  dR += h[t]^T dr;  dbn += du;  dWp += h[t+1]^T dlogits;  dWv += h[t+1] dV
 *   dh[t] = dh z + R dr  (through the transposed copy Rt, so the loop runs along contiguous memory)
 * </pre>
 */
public final class FusedGruActorCritic implements ActorCritic {
    private final AgentSpec spec;
    private final ParameterLayout layout;
    private final int in;
    private final int hid;
    private final int gates;   // 3H
    private final int arms;
    private final double[] p;  // [P] parameters, ParameterLayout order
    private final double[] rt; // [3H, H] the recurrent weights transposed, for dh[t] = R dr
    private final double[] ah; // [3H] h[t] R of the current trial and episode (forward scratch)
    // scratch of the backward pass, allocated once
    private final double[] dx;        // [3H] dL/d(input pre-activations) r, z, n of the current trial and episode
    private final double[] dr;        // [3H] dL/d(recurrent products) r, z, n
    private final double[] dhScratch; // [H]  dL/dh[t+1] of the current trial and episode
    private double[] dhCarry;         // [B, H] dL/dh flowing back from trial t+1 (sized at the first learn)
    private final double[] dlogits;   // [A]

    public FusedGruActorCritic(AgentSpec spec) {
        if (spec.cell() != Cell.GRU) {
            throw new IllegalArgumentException("FusedGruActorCritic computes a GRU, not a " + spec.cell().key());
        }
        this.spec = spec;
        this.layout = ParameterLayout.of(spec);
        this.in = spec.inputSize();
        this.hid = spec.hidden();
        this.gates = layout.gates();
        this.arms = spec.arms();
        this.p = new double[layout.size()];
        this.rt = new double[gates * hid];
        this.ah = new double[gates];
        this.dx = new double[gates];
        this.dr = new double[gates];
        this.dhScratch = new double[hid];
        this.dlogits = new double[arms];
        this.dhCarry = new double[0];
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
        int bn = layout.bn();
        for (int b = 0; b < batch; b++) {
            int s = t * batch + b;
            int xo = s * in;
            int hp = s * hid;              // h[t] of episode b
            int hn = (s + batch) * hid;    // h[t+1]
            int zo = s * gates;
            var a = ro.gates;
            // ax = b + x W (into the gates' slots, overwritten by the gates below)
            System.arraycopy(p, bias, a, zo, gates);
            for (int k = 0; k < in; k++) {
                double xk = ro.x[xo + k];
                if (xk != 0) {
                    int row = w + k * gates;
                    for (int j = 0; j < gates; j++) {
                        a[zo + j] += xk * p[row + j];
                    }
                }
            }
            // ah = h[t] R
            Arrays.fill(ah, 0);
            for (int k = 0; k < hid; k++) {
                double hk = ro.h[hp + k];
                int row = r + k * gates;
                for (int j = 0; j < gates; j++) {
                    ah[j] += hk * p[row + j];
                }
            }
            // r, z, u = ah_n + bn, n = tanh(ax_n + r u), h[t+1] = (1 - z) n + z h[t]
            for (int j = 0; j < hid; j++) {
                double rg = sigmoid(a[zo + j] + ah[j]);
                double zg = sigmoid(a[zo + hid + j] + ah[hid + j]);
                double u = ah[2 * hid + j] + p[bn + j];
                double n = tanh(a[zo + 2 * hid + j] + rg * u);
                a[zo + j] = rg;
                a[zo + hid + j] = zg;
                a[zo + 2 * hid + j] = n;
                ro.candidate[hp + j] = u;
                ro.h[hn + j] = (1 - zg) * n + zg * ro.h[hp + j];
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
        Arrays.fill(grad, 0);
        int batch = ro.batch;
        if (dhCarry.length != batch * hid) {
            dhCarry = new double[batch * hid];
        }
        Arrays.fill(dhCarry, 0);   // nothing flows back from beyond the rollout (truncation)
        double perEpisode = 1.0 / batch;
        double policyLoss = 0;
        double valueLoss = 0;
        double entropy = 0;
        int w = layout.w();
        int r = layout.r();
        int bias = layout.b();
        int bn = layout.bn();
        int wp = layout.wp();
        int bp = layout.bp();
        int wv = layout.wv();
        int bv = layout.bv();
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
                // through the cell: dan, daz, du, dar; dh[t] starts as dh z
                int zo = s * gates;
                var gate = ro.gates;
                for (int j = 0; j < hid; j++) {
                    double rg = gate[zo + j];
                    double zg = gate[zo + hid + j];
                    double n = gate[zo + 2 * hid + j];
                    double u = ro.candidate[hp + j];
                    double dan = dh[j] * (1 - zg) * (1 - n * n);
                    double daz = dh[j] * (ro.h[hp + j] - n) * zg * (1 - zg);
                    double dar = dan * u * rg * (1 - rg);
                    dx[j] = dar;
                    dx[hid + j] = daz;
                    dx[2 * hid + j] = dan;
                    dr[j] = dar;
                    dr[hid + j] = daz;
                    dr[2 * hid + j] = dan * rg;   // du
                    grad[bn + j] += dan * rg;     // dbn += du
                    dhCarry[carry + j] = dh[j] * zg;
                }
                // db += dx; dW += x^T dx; dR += h[t]^T dr
                for (int j = 0; j < gates; j++) {
                    grad[bias + j] += dx[j];
                }
                int xo = s * in;
                for (int k = 0; k < in; k++) {
                    double xk = ro.x[xo + k];
                    if (xk != 0) {
                        int row = w + k * gates;
                        for (int j = 0; j < gates; j++) {
                            grad[row + j] += xk * dx[j];
                        }
                    }
                }
                for (int k = 0; k < hid; k++) {
                    double hk = ro.h[hp + k];
                    int row = r + k * gates;
                    for (int j = 0; j < gates; j++) {
                        grad[row + j] += hk * dr[j];
                    }
                }
                // dh[t] = dh z + R dr, along the rows of Rt
                for (int j = 0; j < gates; j++) {
                    double drj = dr[j];
                    int row = j * hid;
                    for (int k = 0; k < hid; k++) {
                        dhCarry[carry + k] += drj * rt[row + k];
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
