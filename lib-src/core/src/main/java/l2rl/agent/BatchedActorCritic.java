package l2rl.agent;

import java.util.Arrays;

import l2rl.agent.kernels.FloatExp;
import l2rl.agent.kernels.Kernels;

/**
 * The fused engine: the actor-critic of {@link FusedLstmActorCritic} (LSTM) or {@link FusedGruActorCritic} (GRU)
 * computed in float over all B episodes of a rollout at once, as small matrix products ({@link Kernels}). Those two
 * double-precision classes stay the reference it is tested against (gradients held to them norm-wise; their own
 * gradients to finite differences). Per trial the forward pass is one product [x h][B, I + H] x [W; R] of every
 * gate, the cell's element-wise step and one product for both heads; learning keeps each trial's gate deltas and
 * makes the weight gradients at the end as two products over all T B rows of the rollout
 * ({@code [x h]^T dz} and {@code h'^T dheads}), so per trial only {@code dh[t] = dz R^T} remains in the recurrence.
 *
 * <p>Internal layout: every row padded to whole vectors ({@link Kernels#LANES}); the batch padded to a multiple
 * of 4 with rows that stay zero; the gate columns in 4 blocks of Hp units. For the LSTM the blocks are i, f, g, o.
 * For the GRU they are r, z, n's input side (x W_n + b_n) and u = h R_n + bn, so that one product serves both
 * cells: the GRU's weight matrix has zero blocks where n's input and recurrent sides do not meet.
 *
 * <p>The rollout stays the interface: inputs are read from it and h, c, pi, log pi and V written back to it as
 * doubles (exactly the floats computed), so sampling, returns, traces and checkpoints do not change. The
 * activations learning needs are kept here, which is why {@link #learn} takes only the rollout last acted on.
 */
public final class BatchedActorCritic implements ActorCritic {
    private static final int ROW_TILE = 4;

    private final AgentSpec spec;
    private final ParameterLayout layout;
    private final Kernels kernels;
    private final boolean lstm;
    private final int in;      // I
    private final int hid;     // H
    private final int arms;    // A
    private final int inPad;   // Ip: I rounded up to 4
    private final int hp;      // Hp: H rounded up to LANES
    private final int k;       // Ip + Hp: the width of a row [x h]
    private final int g;       // 4 Hp gate columns
    private final int hc;      // head columns: A logits, V, zeros to LANES
    // weights, padded
    private final float[] wr;     // [K, G]  [W; R]
    private final float[] bz;     // [G]
    private final float[] rt;     // [G, Hp] the recurrent rows of wr, transposed: dh[t] = dz rt
    private final float[] wh;     // [Hp, HC] Wp and Wv side by side
    private final float[] bh;     // [HC]
    private final float[] wht;    // [HC, Hp]
    // activations of the rollout last acted on, sized for its batch and capacity
    private int bp;               // batch padded to ROW_TILE
    private int capacity;
    private float[] xh;           // [T+1, Bp, K] trial t's [x[t] h[t]]
    private float[] cell;         // [T+1, Bp, Hp] LSTM c[t]
    private float[] gates;        // [T, Bp, G]
    private float[] tanhC;        // [T, Bp, Hp]
    private float[] heads;        // [T, Bp, HC]
    private float[] dz;           // [T, Bp, G]  gate deltas
    private float[] dheads;       // [T, Bp, HC] head deltas
    private float[] dh;           // [Bp, Hp]
    private float[] dhCarry;      // [Bp, Hp]
    private float[] dcCarry;      // [Bp, Hp]
    private final float[] gwr;
    private final float[] gbz;
    private final float[] gwh;
    private final float[] gbh;
    private Rollout actedOn;
    private int lastTrial = -1;

    public BatchedActorCritic(AgentSpec spec) {
        this(spec, Kernels.best());
    }

    public BatchedActorCritic(AgentSpec spec, Kernels kernels) {
        this.spec = spec;
        this.layout = ParameterLayout.of(spec);
        this.kernels = kernels;
        this.lstm = spec.cell() == Cell.LSTM;
        this.in = spec.inputSize();
        this.hid = spec.hidden();
        this.arms = spec.arms();
        this.inPad = roundUp(in, ROW_TILE);
        this.hp = roundUp(hid, Kernels.LANES);
        this.k = inPad + hp;
        this.g = 4 * hp;
        this.hc = roundUp(arms + 1, Kernels.LANES);
        wr = new float[k * g];
        bz = new float[g];
        rt = new float[g * hp];
        wh = new float[hp * hc];
        bh = new float[hc];
        wht = new float[hc * hp];
        gwr = new float[k * g];
        gbz = new float[g];
        gwh = new float[hp * hc];
        gbh = new float[hc];
    }

    private static int roundUp(int n, int unit) {
        return (n + unit - 1) / unit * unit;
    }

    @Override
    public AgentSpec spec() {
        return spec;
    }

    /** The arithmetic in use ("vector-512", "scalar"). */
    public String kernels() {
        return kernels.name();
    }

    @Override
    public void setParameters(double[] flat) {
        var f = new float[flat.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) flat[i];
        }
        setParameters(f);
    }

    @Override
    public void setParameters(float[] p) {
        if (p.length != layout.size()) {
            throw new IllegalArgumentException("expected " + layout.size() + " parameters, got " + p.length);
        }
        int gh = layout.gates();
        for (int q = 0; q < 4; q++) {
            int col = q * hp;
            int inputCol = inputColumn(q);   // -1: this block has no input side
            int recurrentCol = recurrentColumn(q);
            for (int i = 0; i < in; i++) {
                if (inputCol >= 0) {
                    System.arraycopy(p, layout.w() + i * gh + inputCol, wr, i * g + col, hid);
                }
            }
            for (int i = 0; i < hid; i++) {
                if (recurrentCol >= 0) {
                    System.arraycopy(p, layout.r() + i * gh + recurrentCol, wr, (inPad + i) * g + col, hid);
                }
            }
            System.arraycopy(p, lstm || q < 3 ? layout.b() + q * hid : layout.bn(), bz, col, hid);
        }
        for (int i = 0; i < hid; i++) {
            int row = (inPad + i) * g;
            for (int col = 0; col < g; col++) {
                rt[col * hp + i] = wr[row + col];
            }
        }
        for (int j = 0; j < hid; j++) {
            for (int a = 0; a < arms; a++) {
                float v = p[layout.wp() + j * arms + a];
                wh[j * hc + a] = v;
                wht[a * hp + j] = v;
            }
            wh[j * hc + arms] = p[layout.wv() + j];
            wht[arms * hp + j] = p[layout.wv() + j];
        }
        for (int a = 0; a < arms; a++) {
            bh[a] = p[layout.bp() + a];
        }
        bh[arms] = p[layout.bv()];
    }

    /** The first column of W (and b) feeding padded block q; -1 for the GRU's recurrent-only block u. */
    private int inputColumn(int q) {
        return lstm || q < 3 ? q * hid : -1;
    }

    /** The first column of R feeding padded block q; -1 for the GRU's input-only block of n. */
    private int recurrentColumn(int q) {
        if (lstm || q < 2) {
            return q * hid;
        }
        return q == 3 ? 2 * hid : -1;
    }

    private void allocate(Rollout ro) {
        int padded = roundUp(ro.batch, ROW_TILE);
        if (xh != null && padded == bp && ro.capacity == capacity) {
            return;
        }
        bp = padded;
        capacity = ro.capacity;
        xh = new float[(capacity + 1) * bp * k];
        cell = new float[lstm ? (capacity + 1) * bp * hp : 0];
        gates = new float[capacity * bp * g];
        tanhC = new float[lstm ? capacity * bp * hp : 0];
        heads = new float[capacity * bp * hc];
        dz = new float[capacity * bp * g];
        dheads = new float[capacity * bp * hc];
        dh = new float[bp * hp];
        dhCarry = new float[bp * hp];
        dcCarry = new float[bp * hp];
        actedOn = null;
    }

    @Override
    public void act(Rollout ro, int t) {
        allocate(ro);
        int batch = ro.batch;
        int row = t * bp * k;
        for (int b = 0; b < batch; b++) {
            int xo = (t * batch + b) * in;
            for (int i = 0; i < in; i++) {
                xh[row + b * k + i] = (float) ro.x[xo + i];
            }
        }
        if (ro != actedOn || t != lastTrial + 1 || t == 0) {
            // the state this trial starts from is the rollout's (its start state, or one another engine wrote)
            for (int b = 0; b < batch; b++) {
                int so = (t * batch + b) * hid;
                for (int j = 0; j < hid; j++) {
                    xh[row + b * k + inPad + j] = (float) ro.h[so + j];
                    if (lstm) {
                        cell[(t * bp + b) * hp + j] = (float) ro.c[so + j];
                    }
                }
            }
        }
        actedOn = ro;
        lastTrial = t;
        int go = t * bp * g;
        for (int r = 0; r < bp; r++) {
            System.arraycopy(bz, 0, gates, go + r * g, g);
        }
        kernels.multiplyAdd(xh, row, k, bp, k, wr, 0, g, g, gates, go, g);
        int next = (t + 1) * bp * k + inPad;   // h[t+1] inside the next trial's row
        if (lstm) {
            kernels.lstmForward(gates, go, batch, hp, cell, t * bp * hp, cell, (t + 1) * bp * hp, tanhC, t * bp * hp,
                    xh, next, k);
        } else {
            kernels.gruForward(gates, go, batch, hp, xh, row + inPad, xh, next, k);
        }
        int ho = t * bp * hc;
        for (int r = 0; r < bp; r++) {
            System.arraycopy(bh, 0, heads, ho + r * hc, hc);
        }
        kernels.multiplyAdd(xh, next, k, bp, hp, wh, 0, hc, hc, heads, ho, hc);
        for (int b = 0; b < batch; b++) {
            int s = t * batch + b;
            softmax(heads, ho + b * hc, ro, s * arms);
            ro.values[s] = heads[ho + b * hc + arms];
            int so = (s + batch) * hid;
            for (int j = 0; j < hid; j++) {
                ro.h[so + j] = xh[next + b * k + j];
                if (lstm) {
                    ro.c[so + j] = cell[((t + 1) * bp + b) * hp + j];
                }
            }
        }
    }

    /** pi = softmax(logits) and log pi into the rollout, in float (the exponentials by {@link FloatExp}). */
    private void softmax(float[] logits, int lo, Rollout ro, int po) {
        float max = Float.NEGATIVE_INFINITY;
        for (int a = 0; a < arms; a++) {
            max = Math.max(max, logits[lo + a]);
        }
        float sum = 0;
        for (int a = 0; a < arms; a++) {
            sum += FloatExp.exp(logits[lo + a] - max);
        }
        float logSum = max + (float) Math.log(sum);
        for (int a = 0; a < arms; a++) {
            float lp = logits[lo + a] - logSum;
            ro.logProbs[po + a] = lp;
            ro.probs[po + a] = FloatExp.exp(lp);
        }
    }

    @Override
    public Losses learn(Rollout ro, double betaV, double betaE, double[] grad) {
        if (grad.length != layout.size()) {
            throw new IllegalArgumentException("expected " + layout.size() + " parameters, got " + grad.length);
        }
        if (ro != actedOn) {
            throw new IllegalStateException("learn needs the rollout this engine acted on last");
        }
        int batch = ro.batch;
        int steps = ro.length();
        float perEpisode = 1f / batch;
        double policyLoss = 0;
        double valueLoss = 0;
        double entropy = 0;
        Arrays.fill(dhCarry, 0);
        Arrays.fill(dcCarry, 0);
        for (int t = steps - 1; t >= 0; t--) {
            int ho = t * bp * hc;
            for (int b = 0; b < batch; b++) {
                int s = t * batch + b;
                int po = s * arms;
                int action = ro.actions[s];
                double advantage = ro.advantages[s];
                double error = ro.values[s] - ro.returns[s];
                double h = 0;
                for (int a = 0; a < arms; a++) {
                    h -= ro.probs[po + a] * ro.logProbs[po + a];
                }
                policyLoss -= ro.logProbs[po + action] * advantage;
                valueLoss += 0.5 * error * error;
                entropy += h;
                for (int a = 0; a < arms; a++) {
                    double pi = ro.probs[po + a];
                    dheads[ho + b * hc + a] = (float) (perEpisode * (-advantage * ((a == action ? 1 : 0) - pi)
                            + betaE * pi * (ro.logProbs[po + a] + h)));
                }
                dheads[ho + b * hc + arms] = (float) (perEpisode * betaV * error);
            }
            // dh = (what flows back from t+1) + the heads' share
            System.arraycopy(dhCarry, 0, dh, 0, dh.length);
            kernels.multiplyAdd(dheads, ho, hc, bp, arms + 1, wht, 0, hp, hp, dh, 0, hp);
            int go = t * bp * g;
            if (lstm) {
                kernels.lstmBackward(gates, go, batch, hp, cell, t * bp * hp, tanhC, t * bp * hp, dh, dcCarry, dz, go);
                Arrays.fill(dhCarry, 0);
            } else {
                kernels.gruBackward(gates, go, batch, hp, xh, t * bp * k + inPad, k, dh, dz, go, dhCarry);
            }
            kernels.multiplyAdd(dz, go, g, bp, g, rt, 0, hp, hp, dhCarry, 0, hp);
        }
        int rows = steps * bp;
        Arrays.fill(gwr, 0);
        Arrays.fill(gbz, 0);
        Arrays.fill(gwh, 0);
        Arrays.fill(gbh, 0);
        kernels.transposedMultiplyAdd(xh, 0, k, rows, k, dz, 0, g, g, gwr, 0, g);
        kernels.columnSums(dz, 0, g, rows, g, gbz, 0);
        kernels.transposedMultiplyAdd(xh, bp * k + inPad, k, rows, hp, dheads, 0, hc, hc, gwh, 0, hc);
        kernels.columnSums(dheads, 0, hc, rows, hc, gbh, 0);
        writeGradient(grad);
        policyLoss *= perEpisode;
        valueLoss *= perEpisode;
        entropy *= perEpisode;
        return new Losses(policyLoss + betaV * valueLoss - betaE * entropy, policyLoss, valueLoss, entropy);
    }

    /** H floats from {@code from} into doubles. */
    private void copy(float[] from, int fromOff, double[] to, int toOff) {
        for (int j = 0; j < hid; j++) {
            to[toOff + j] = from[fromOff + j];
        }
    }

    /** The padded gradients into {@code grad}, in {@link ParameterLayout} order. */
    private void writeGradient(double[] grad) {
        Arrays.fill(grad, 0);
        int gh = layout.gates();
        for (int q = 0; q < 4; q++) {
            int col = q * hp;
            int inputCol = inputColumn(q);
            int recurrentCol = recurrentColumn(q);
            if (inputCol >= 0) {
                for (int i = 0; i < in; i++) {
                    copy(gwr, i * g + col, grad, layout.w() + i * gh + inputCol);
                }
            }
            if (recurrentCol >= 0) {
                for (int i = 0; i < hid; i++) {
                    copy(gwr, (inPad + i) * g + col, grad, layout.r() + i * gh + recurrentCol);
                }
            }
            copy(gbz, col, grad, lstm || q < 3 ? layout.b() + q * hid : layout.bn());
        }
        for (int j = 0; j < hid; j++) {
            for (int a = 0; a < arms; a++) {
                grad[layout.wp() + j * arms + a] = gwh[j * hc + a];
            }
            grad[layout.wv() + j] = gwh[j * hc + arms];
        }
        for (int a = 0; a < arms; a++) {
            grad[layout.bp() + a] = gbh[a];
        }
        grad[layout.bv()] = gbh[arms];
    }
}
