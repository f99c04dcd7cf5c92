package l2rl.agent;

import java.util.Arrays;

/**
 * A rollout: up to {@code capacity} consecutive trials of {@code batch} episodes played side by side, with the
 * recurrent state the rollout started from (h, and c for an LSTM). It is the one buffer acting writes into and
 * learning reads from; a worker allocates it once. Every array is step-major (trial t, then episode b), and the
 * engines' activations are kept, pre- and post-activation apart, for exact backpropagation through the rollout.
 *
 * <p>Truncation: learning backpropagates inside the rollout only. {@code h[0]} and {@code c[0]} are the state
 * the rollout started from (zero at an episode's first trial, the previous rollout's last state otherwise) and
 * are treated as constants, as in A3C.
 */
public final class Rollout {
    public final int batch;
    public final int capacity;
    public final int inputs;
    public final int hidden;
    public final int arms;
    private int length;

    // what the agent saw and did
    public final double[] x;           // [T, B, I]  inputs: one-hot previous arm, previous reward, t / T
    public final int[] actions;        // [T, B]     arm pulled
    public final double[] rewards;     // [T, B]
    // the engine's activations
    public final double[] h;           // [T+1, B, H] hidden state; h[0] is the start state
    public final double[] c;           // [T+1, B, H] LSTM cell state; c[0] is the start state (a GRU's stays 0)
    public final double[] gates;       // [T, B, GH] post-activation gates: LSTM i, f, g, o; GRU r, z, n
    public final double[] tanhC;       // [T, B, H]  LSTM only: tanh(c[t+1]), kept from the forward pass
    public final double[] candidate;   // [T, B, H]  GRU only: u = h[t] R_n + bn, kept from the forward pass
    public final double[] logProbs;    // [T, B, A]  log pi(.|h[t+1])
    public final double[] probs;       // [T, B, A]  pi(.|h[t+1])
    public final double[] values;      // [T, B]     V(h[t+1])
    // what learning trains towards (constants for the gradient)
    public final double[] advantages;  // [T, B]
    public final double[] returns;     // [T, B]

    public Rollout(AgentSpec spec, int batch, int capacity) {
        this.batch = batch;
        this.capacity = capacity;
        this.inputs = spec.inputSize();
        this.hidden = spec.hidden();
        this.arms = spec.arms();
        int steps = capacity * batch;
        x = new double[steps * inputs];
        actions = new int[steps];
        rewards = new double[steps];
        h = new double[(capacity + 1) * batch * hidden];
        c = new double[(capacity + 1) * batch * hidden];
        gates = new double[steps * ParameterLayout.of(spec).gates()];
        tanhC = new double[spec.cell() == Cell.LSTM ? steps * hidden : 0];
        candidate = new double[spec.cell() == Cell.GRU ? steps * hidden : 0];
        logProbs = new double[steps * arms];
        probs = new double[steps * arms];
        values = new double[steps];
        advantages = new double[steps];
        returns = new double[steps];
    }

    /** Trials played into this rollout so far. */
    public int length() {
        return length;
    }

    public void setLength(int length) {
        if (length < 0 || length > capacity) {
            throw new IllegalArgumentException("rollout length " + length + " outside [0, " + capacity + "]");
        }
        this.length = length;
    }

    /** Starts a new rollout at an episode's first trial: zero state, nothing played. */
    public void startEpisode() {
        Arrays.fill(h, 0, batch * hidden, 0);
        Arrays.fill(c, 0, batch * hidden, 0);
        length = 0;
    }

    /** Starts the next rollout of the same episodes from the state this one ended in. */
    public void continueEpisode() {
        int n = batch * hidden;
        System.arraycopy(h, length * n, h, 0, n);
        System.arraycopy(c, length * n, c, 0, n);
        length = 0;
    }

    /** Index of (trial t, episode b) in the [T, B] arrays. */
    public int at(int t, int b) {
        return t * batch + b;
    }
}
