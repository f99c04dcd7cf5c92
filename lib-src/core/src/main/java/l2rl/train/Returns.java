package l2rl.train;

import l2rl.agent.Rollout;

/** The targets learning trains towards: advantages and returns of a rollout, as in SB3's GAE. */
final class Returns {
    private Returns() {
    }

    /**
     * Generalised advantage estimation over the rollout's trials, backwards from {@code bootstrap[b]}, the value
     * of the state after the rollout's last trial; {@code nextNonTerminal} is 0 when the rollout ends its
     * episodes (nothing follows the last trial) and 1 otherwise. With lambda = 1 the returns are A3C's n-step
     * discounted returns bootstrapped at the rollout's end, and the advantages are returns minus values.
     * <pre>
     *   delta_t = r_t + gamma V_{t+1} - V_t
     *   A_t     = delta_t + gamma lambda A_{t+1}
     *   R_t     = A_t + V_t
     * </pre>
     */
    static void compute(Rollout r, double[] bootstrap, double nextNonTerminal, double gamma, double lambda) {
        int batch = r.batch;
        for (int b = 0; b < batch; b++) {
            double nextValue = bootstrap[b] * nextNonTerminal;
            double gae = 0;
            for (int t = r.length() - 1; t >= 0; t--) {
                int s = r.at(t, b);
                double delta = r.rewards[s] + gamma * nextValue - r.values[s];
                gae = delta + gamma * lambda * gae;
                r.advantages[s] = gae;
                r.returns[s] = gae + r.values[s];
                nextValue = r.values[s];
            }
        }
    }
}
