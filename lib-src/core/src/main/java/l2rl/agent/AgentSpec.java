package l2rl.agent;

import l2rl.env.TaskFamily;

/**
 * The shape of a meta-RL agent: how many arms it chooses among, its recurrent cell and width, the episode length it
 * scales the trial index by, whether it sees rewards (the paper's control withholds them: always 0), and its input
 * layout, which comes from the task family ({@link #of}).
 *
 * <p>The input at decision t is, in this order: the task's observation ({@code observations} values, none for the
 * paper's bandits), the one-hot previous action ({@code arms}, zeros at t = 0), the previous reward as the task
 * encodes it (one scalar if {@code rewardValues} is 0, else one-hot over {@code rewardValues} slots; zeros at
 * t = 0) and t / T. For the paper's bandits that is [one-hot previous action, previous reward, t / T], the layout
 * of every agent trained before the task world was opened, so their weights keep their meaning.
 *
 * @param observations the task's observation size
 * @param rewardValues 0 for a scalar reward, else the number of one-hot reward values
 * @param cell what the recurrent layer computes (LSTM, the paper's, or GRU); {@code hidden} is its width
 */
public record AgentSpec(int arms, int hidden, int trials, boolean rewardInput, int observations, int rewardValues,
        Cell cell) {
    public AgentSpec {
        java.util.Objects.requireNonNull(cell, "cell");
        if (arms < 1 || hidden < 1 || trials < 1) {
            throw new IllegalArgumentException("arms, hidden and trials must be positive: " + arms + ", " + hidden
                    + ", " + trials);
        }
        if (observations < 0 || rewardValues < 0 || rewardValues == 1) {
            throw new IllegalArgumentException("observations must be >= 0 and reward values 0 (scalar) or >= 2: "
                    + observations + ", " + rewardValues);
        }
    }

    /** An LSTM agent with this input layout. */
    public AgentSpec(int arms, int hidden, int trials, boolean rewardInput, int observations, int rewardValues) {
        this(arms, hidden, trials, rewardInput, observations, rewardValues, Cell.LSTM);
    }

    /** An LSTM agent for tasks without observations and with a scalar reward: the paper's bandits. */
    public AgentSpec(int arms, int hidden, int trials, boolean rewardInput) {
        this(arms, hidden, trials, rewardInput, 0, 0);
    }

    /** The LSTM agent whose input fits the tasks of {@code family}. */
    public static AgentSpec of(TaskFamily family, int hidden, int trials, boolean rewardInput) {
        return of(family, hidden, trials, rewardInput, Cell.LSTM);
    }

    /** The agent with cell {@code cell} whose input fits the tasks of {@code family}. */
    public static AgentSpec of(TaskFamily family, int hidden, int trials, boolean rewardInput, Cell cell) {
        var encoding = family.rewardEncoding();
        return new AgentSpec(family.arms(), hidden, trials, rewardInput, family.observationSize(),
                encoding.isOneHot() ? encoding.width() : 0, cell);
    }

    /** This agent with cell {@code cell}. */
    public AgentSpec withCell(Cell cell) {
        return new AgentSpec(arms, hidden, trials, rewardInput, observations, rewardValues, cell);
    }

    /** Whether this agent's input fits the tasks of {@code family}: same arms, observation size and reward encoding. */
    public boolean fits(TaskFamily family) {
        return of(family, hidden, trials, rewardInput, cell).equals(this);
    }

    /**
     * Refuses a family whose tasks this agent cannot read, saying what differs; {@code name} names the family
     * (its id) in the message.
     */
    public void requireFits(TaskFamily family, String name) {
        if (!fits(family)) {
            var wanted = of(family, hidden, trials, rewardInput, cell);
            throw new IllegalArgumentException("the agent's input is " + layout() + " (" + inputSize()
                    + " values); " + name + " gives " + wanted.layout() + " (" + wanted.inputSize() + " values)");
        }
    }

    /** Input width: observation, one-hot previous action, previous reward, trial index t / T. */
    public int inputSize() {
        return timeOffset() + 1;
    }

    /** Where the one-hot previous action starts in the input. */
    public int actionOffset() {
        return observations;
    }

    /** Where the previous reward starts in the input. */
    public int rewardOffset() {
        return observations + arms;
    }

    /** The input slots the previous reward takes. */
    public int rewardWidth() {
        return rewardValues == 0 ? 1 : rewardValues;
    }

    /** Where t / T is in the input. */
    public int timeOffset() {
        return rewardOffset() + rewardWidth();
    }

    /** The input layout in words, e.g. {@code [2 one-hot action, scalar reward, t/T]}. */
    public String layout() {
        return "[" + (observations > 0 ? observations + " observation, " : "") + arms + " one-hot action, "
                + (rewardValues == 0 ? "scalar reward" : rewardValues + " one-hot reward") + ", t/T]";
    }

    /** Number of trainable parameters (recurrent cell, policy head, value head), as {@link ParameterLayout} counts. */
    public int parameterCount() {
        return ParameterLayout.of(this).size();
    }
}
