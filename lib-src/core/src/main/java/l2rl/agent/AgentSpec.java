package l2rl.agent;

/**
 * The shape of a meta-RL agent: how many arms it chooses among, its LSTM width, the episode length it
 * scales the trial index by, and whether it sees rewards (the paper's control withholds them: always 0).
 */
public record AgentSpec(int arms, int hidden, int trials, boolean rewardInput) {
    public AgentSpec {
        if (arms < 1 || hidden < 1 || trials < 1) {
            throw new IllegalArgumentException("arms, hidden and trials must be positive: " + arms + ", " + hidden
                    + ", " + trials);
        }
    }

    /** Input width: one-hot previous action, previous reward, trial index t / T. */
    public int inputSize() {
        return arms + 2;
    }

    /** Number of trainable parameters (LSTM weights and bias, policy head, value head). */
    public int parameterCount() {
        int in = inputSize();
        return (in + hidden) * 4 * hidden + 4 * hidden + hidden * arms + arms + hidden + 1;
    }
}
