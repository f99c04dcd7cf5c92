package l2rl.analysis;

import java.util.function.ToDoubleFunction;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import l2rl.agent.AgentSpec;
import l2rl.env.TaskSet;
import l2rl.eval.RegretReport;
import l2rl.eval.ResultTables;

/**
 * Everything that happened inside a frozen agent during a set of evaluation episodes, trial by trial, beside the
 * exact Bayesian posterior of the same history. Made by {@link Traces#record}.
 *
 * <p>Trial t of episode e (0-based): the agent has seen trials 0..t-1 through its inputs and has just read input
 * t; {@code hidden} and {@code cell} are the LSTM state it reached (the engine's h[t+1], c[t+1]), from which it
 * computes its policy {@code probs} and its value estimate {@code value}; it then pulls {@code action} and gets
 * {@code reward}. {@code posterior} is the Bayesian posterior of trials 0..t-1 — exactly the history the agent's
 * state can know — with the Bayes-optimal choice for trial t.
 */
public final class AgentTrace {
    private final String name;
    private final AgentSpec spec;
    private final TaskSet tasks;
    private final int trials;
    private final Posterior posterior;
    // episode-major: episode e, then trial t
    private final double[] hidden;        // [E, T, H] h after reading input t
    private final double[] cell;          // [E, T, H] c after reading input t
    private final double[] probs;         // [E, T, A] pi(. | hidden)
    private final double[] values;        // [E, T]    V(hidden), the critic's estimate
    private final int[] actions;          // [E, T]
    private final double[] rewards;       // [E, T]
    private final PosteriorState[] states; // [E, T] the posterior of trials 0..t-1

    AgentTrace(String name, AgentSpec spec, TaskSet tasks, int trials, Posterior posterior) {
        this.name = name;
        this.spec = spec;
        this.tasks = tasks;
        this.trials = trials;
        this.posterior = posterior;
        int steps = tasks.episodes() * trials;
        hidden = new double[steps * spec.hidden()];
        cell = new double[steps * spec.hidden()];
        probs = new double[steps * spec.arms()];
        values = new double[steps];
        actions = new int[steps];
        rewards = new double[steps];
        states = new PosteriorState[steps];
    }

    /** What this trace is of (e.g. "trained", "untrained"). */
    public String name() {
        return name;
    }

    public AgentSpec spec() {
        return spec;
    }

    public TaskSet tasks() {
        return tasks;
    }

    public Posterior posterior() {
        return posterior;
    }

    public int episodes() {
        return tasks.episodes();
    }

    public int trials() {
        return trials;
    }

    /** Index of (episode e, trial t) in the [E, T] arrays. */
    int at(int e, int t) {
        if (e < 0 || e >= episodes() || t < 0 || t >= trials) {
            throw new IndexOutOfBoundsException("episode " + e + ", trial " + t + " of " + episodes() + " x " + trials);
        }
        return e * trials + t;
    }

    /** The LSTM hidden state h at trial t of episode e (a copy). */
    public double[] hidden(int e, int t) {
        return slice(hidden, at(e, t), spec.hidden());
    }

    /** The LSTM cell state c at trial t of episode e (a copy). */
    public double[] cell(int e, int t) {
        return slice(cell, at(e, t), spec.hidden());
    }

    /** The policy pi(. | h) at trial t of episode e (a copy). */
    public double[] probs(int e, int t) {
        return slice(probs, at(e, t), spec.arms());
    }

    /** The critic's value estimate V(h) at trial t of episode e. */
    public double value(int e, int t) {
        return values[at(e, t)];
    }

    public int action(int e, int t) {
        return actions[at(e, t)];
    }

    public double reward(int e, int t) {
        return rewards[at(e, t)];
    }

    /** The Bayesian posterior of episode e's trials before t, with the Bayes-optimal choice for trial t. */
    public PosteriorState posterior(int e, int t) {
        return states[at(e, t)];
    }

    /** The agent's most likely arm at trial t of episode e (ties to arm 0). */
    public int greedyArm(int e, int t) {
        int o = at(e, t) * spec.arms();
        int best = 0;
        for (int a = 1; a < spec.arms(); a++) {
            if (probs[o + a] > probs[o + best]) {
                best = a;
            }
        }
        return best;
    }

    /** Hidden states of episodes [from, to), one row per (episode, trial): a design matrix for read-outs. */
    public double[][] hiddenRows(int from, int to) {
        var rows = new double[(to - from) * trials][];
        for (int e = from; e < to; e++) {
            for (int t = 0; t < trials; t++) {
                rows[(e - from) * trials + t] = hidden(e, t);
            }
        }
        return rows;
    }

    /** Episode e's hidden-state trajectory on the first two principal components of {@code pca}: [2][T]. */
    public double[][] trajectory(int e, Pca pca) {
        var xy = new double[2][trials];
        for (int t = 0; t < trials; t++) {
            var h = hidden(e, t);
            xy[0][t] = pca.project(h, 0);
            xy[1][t] = pca.project(h, 1);
        }
        return xy;
    }

    /** {@code quantity} of the posterior at every (episode, trial) of episodes [from, to), in {@link #hiddenRows} order. */
    public double[] posteriorColumn(ToDoubleFunction<PosteriorState> quantity, int from, int to) {
        var column = new double[(to - from) * trials];
        for (int e = from; e < to; e++) {
            for (int t = 0; t < trials; t++) {
                column[(e - from) * trials + t] = quantity.applyAsDouble(states[at(e, t)]);
            }
        }
        return column;
    }

    /** The agent's value estimates of episodes [from, to), in {@link #hiddenRows} order. */
    public double[] valueColumn(int from, int to) {
        var column = new double[(to - from) * trials];
        System.arraycopy(values, from * trials, column, 0, column.length);
        return column;
    }

    /** The arms pulled, arms[episode][trial]. */
    public int[][] arms() {
        var arms = new int[episodes()][trials];
        for (int e = 0; e < arms.length; e++) {
            System.arraycopy(actions, e * trials, arms[e], 0, trials);
        }
        return arms;
    }

    /** The regret report of the trace's pulls, as {@code l2rl.eval.Evaluation} makes it for the same play. */
    public RegretReport regretReport() {
        return RegretReport.of(name, tasks, trials, arms());
    }

    /** Trials [from, to) of episode e side by side with the posterior: what the agent did and what a Bayesian knows. */
    public Table table(int e, int from, int to) {
        var trial = IntColumn.create("trial");
        var counts = StringColumn.create("(s0, f0, s1, f1) before");
        var mean0 = DoubleColumn.create("mean arm 0");
        var mean1 = DoubleColumn.create("mean arm 1");
        var better = DoubleColumn.create("P(arm 0 better)");
        var optimal = IntColumn.create("Bayes arm");
        var advantage = DoubleColumn.create("advantage");
        var pi0 = DoubleColumn.create("agent P(arm 0)");
        var value = DoubleColumn.create("agent V");
        var arm = IntColumn.create("arm pulled");
        var reward = IntColumn.create("reward");
        for (int t = from; t < to; t++) {
            var s = posterior(e, t);
            trial.append(t);
            counts.append("(" + s.s0() + ", " + s.f0() + ", " + s.s1() + ", " + s.f1() + ")");
            mean0.append(s.mean0());
            mean1.append(s.mean1());
            better.append(s.arm0Better());
            optimal.append(s.optimalArm());
            advantage.append(s.advantage());
            pi0.append(probs(e, t)[0]);
            value.append(value(e, t));
            arm.append(action(e, t));
            reward.append((int) reward(e, t));
        }
        for (var column : java.util.List.of(mean0, mean1, better, advantage, pi0, value)) {
            column.setPrintFormatter(ResultTables.decimals(3));
        }
        return Table.create(String.format("%s, episode %d (p = %s)", name, e,
                java.util.Arrays.toString(tasks.bandit(e).means()).replaceAll("(\\.\\d{3})\\d+", "$1")),
                trial, counts, mean0, mean1, better, optimal, advantage, pi0, value, arm, reward);
    }

    // written by Traces while it plays
    void record(int e, int t, double[] h, double[] c, int stateOffset, double[] p, int probsOffset, double value,
            int action, double reward, PosteriorState state) {
        int i = at(e, t);
        System.arraycopy(h, stateOffset, hidden, i * spec.hidden(), spec.hidden());
        System.arraycopy(c, stateOffset, cell, i * spec.hidden(), spec.hidden());
        System.arraycopy(p, probsOffset, probs, i * spec.arms(), spec.arms());
        values[i] = value;
        actions[i] = action;
        rewards[i] = reward;
        states[i] = state;
    }

    private static double[] slice(double[] flat, int index, int width) {
        var row = new double[width];
        System.arraycopy(flat, index * width, row, 0, width);
        return row;
    }
}
