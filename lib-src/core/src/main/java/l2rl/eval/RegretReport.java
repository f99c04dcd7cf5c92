package l2rl.eval;

import java.util.Arrays;

import org.apache.commons.math3.distribution.TDistribution;

import l2rl.env.CheckedTask;
import l2rl.env.TaskSet;

/**
 * One policy's results on a {@link TaskSet}: expected cumulative regret R_t for t = 1..T, from the regret of each
 * pull as recorded at the moment of the pull (the arms' true expected rewards at that trial, not sampled rewards;
 * see {@link CheckedTask}), and the number of sub-optimal pulls, per episode and averaged, with a 95% confidence
 * interval over episodes. For a family without per-step regret (a trial of several decisions, such as the two-step
 * task) every regret is NaN and the report's number is the reward rate, the mean reward per decision.
 */
public final class RegretReport {
    private final String policy;
    private final double[][] trialRegret;
    private final double[] episodeReward;  // [E] total reward of each episode; null where the play did not say

    private RegretReport(String policy, double[][] trialRegret, double[] episodeReward) {
        if (trialRegret.length == 0) {
            throw new IllegalArgumentException("a report needs at least one episode");
        }
        this.policy = policy;
        this.trialRegret = trialRegret;
        this.episodeReward = episodeReward;
    }

    private RegretReport(String policy, double[][] trialRegret) {
        this(policy, trialRegret, null);
    }

    /**
     * As {@link #ofRegrets(String, double[][])}, with the reward paid at each trial, {@code rewards[e][t]}: what the
     * reward rate of a family without per-step regret needs.
     */
    public static RegretReport ofRegrets(String policy, double[][] regrets, double[][] rewards) {
        return ofPlay(policy, ofRegrets(policy, regrets).trialRegret, rewards);
    }

    /** As {@link #ofRegrets(String, double[][], double[][])} for arrays this package made and hands over (no copy). */
    static RegretReport ofPlay(String policy, double[][] regrets, double[][] rewards) {
        if (rewards.length != regrets.length) {
            throw new IllegalArgumentException(rewards.length + " episodes of rewards, " + regrets.length + " of regrets");
        }
        var totals = new double[rewards.length];
        for (int e = 0; e < totals.length; e++) {
            for (double r : rewards[e]) {
                totals[e] += r;
            }
            if (regrets[e].length != regrets[0].length) {
                throw new IllegalArgumentException("episode " + e + " has " + regrets[e].length + " trials, not "
                        + regrets[0].length);
            }
        }
        return new RegretReport(policy, regrets, totals);
    }

    /**
     * The report of a policy whose pull at trial t of episode e had regret {@code regrets[e][t]}, as recorded at the
     * pull ({@link CheckedTask#lastRegret()}); every episode has the same number of trials.
     */
    public static RegretReport ofRegrets(String policy, double[][] regrets) {
        if (regrets.length == 0) {
            throw new IllegalArgumentException("a report needs at least one episode");
        }
        var copy = new double[regrets.length][];
        for (int e = 0; e < regrets.length; e++) {
            if (regrets[e].length != regrets[0].length) {
                throw new IllegalArgumentException("episode " + e + " has " + regrets[e].length + " trials, not "
                        + regrets[0].length);
            }
            copy[e] = regrets[e].clone();
        }
        return new RegretReport(policy, copy);
    }

    /**
     * The report of a policy that pulled {@code arms[episode][trial]} in each episode of {@code tasks}: the arms are
     * pulled again on a fresh copy of each episode's task, and each pull's regret recorded as it happens. The tasks
     * meet the same path as in the original play, because a task's changes never depend on the actions.
     */
    public static RegretReport of(String policy, TaskSet tasks, int trials, int[][] arms) {
        if (arms.length != tasks.episodes()) {
            throw new IllegalArgumentException(arms.length + " episodes of arms for " + tasks.episodes() + " tasks");
        }
        var regret = new double[arms.length][];
        for (int e = 0; e < arms.length; e++) {
            if (arms[e].length != trials) {
                throw new IllegalArgumentException("episode " + e + " has " + arms[e].length + " trials, not " + trials);
            }
            var task = tasks.task(e);
            regret[e] = new double[trials];
            for (int t = 0; t < trials; t++) {
                task.pull(arms[e][t]);
                regret[e][t] = task.lastRegret();
            }
        }
        return new RegretReport(policy, regret);
    }

    public String policy() {
        return policy;
    }

    /** T, the trials per episode. */
    public int trials() {
        return trialRegret[0].length;
    }

    public int episodes() {
        return trialRegret.length;
    }

    /** Mean expected cumulative regret over episodes; element t-1 is R_t. */
    public double[] regretCurve() {
        var curve = new double[trials()];
        for (double[] episode : trialRegret) {
            double cumulative = 0;
            for (int t = 0; t < curve.length; t++) {
                cumulative += episode[t];
                curve[t] += cumulative;
            }
        }
        for (int t = 0; t < curve.length; t++) {
            curve[t] /= episodes();
        }
        return curve;
    }

    /** Each episode's R_T. */
    public double[] episodeRegret() {
        return Arrays.stream(trialRegret).mapToDouble(e -> Arrays.stream(e).sum()).toArray();
    }

    /** Mean R_T over episodes. */
    public double regretMean() {
        return mean(episodeRegret());
    }

    /** Half-width of the 95% confidence interval of {@link #regretMean()} (Student t over episodes). */
    public double regretCi95() {
        return ci95(episodeRegret());
    }

    /** Each episode's number of sub-optimal pulls. */
    public int[] episodeSuboptimalPulls() {
        var pulls = new int[episodes()];
        for (int e = 0; e < pulls.length; e++) {
            for (double regret : trialRegret[e]) {
                pulls[e] += regret > 0 ? 1 : 0;
            }
        }
        return pulls;
    }

    /** Mean number of sub-optimal pulls per episode. */
    public double suboptimalPullsMean() {
        return Arrays.stream(episodeSuboptimalPulls()).average().orElseThrow();
    }

    /** Whether the pull at {@code trial} of {@code episode} was sub-optimal (the paper's Fig. 2b raster). */
    public boolean suboptimal(int episode, int trial) {
        return trialRegret[episode][trial] > 0;
    }

    /** The same results under another policy name, e.g. to show two agents side by side in one table or figure. */
    public RegretReport named(String name) {
        return new RegretReport(name, trialRegret, episodeReward);
    }

    /** The same policy's report on episodes {@code from} (inclusive) to {@code to} (exclusive) only. */
    public RegretReport episodes(int from, int to) {
        if (from < 0 || to > episodes() || from >= to) {
            throw new IllegalArgumentException("episode range [" + from + ", " + to + ") of " + episodes());
        }
        return new RegretReport(policy, Arrays.copyOfRange(trialRegret, from, to),
                episodeReward == null ? null : Arrays.copyOfRange(episodeReward, from, to));
    }

    /** Whether the pulls had a regret: false for a family without per-step regret (then see {@link #rewardRate()}). */
    public boolean hasRegret() {
        return !Double.isNaN(trialRegret[0][0]);
    }

    /** Whether the play recorded its rewards, so that {@link #rewardRate()} is known. */
    public boolean hasRewards() {
        return episodeReward != null;
    }

    /** Mean reward per trial (decision) over episodes. */
    public double rewardRate() {
        return mean(episodeRewardRates());
    }

    /** Half-width of the 95% confidence interval of {@link #rewardRate()}. */
    public double rewardRateCi95() {
        return ci95(episodeRewardRates());
    }

    private double[] episodeRewardRates() {
        if (episodeReward == null) {
            throw new IllegalStateException(policy + "'s report has no rewards");
        }
        return Arrays.stream(episodeReward).map(total -> total / trials()).toArray();
    }

    public static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    /** Half-width of a 95% Student-t interval for the mean; NaN for fewer than two values. */
    public static double ci95(double[] values) {
        int n = values.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double standardError = Math.sqrt(squares / (n - 1) / n);
        return new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * standardError;
    }

    @Override
    public String toString() {
        if (!hasRegret() && hasRewards()) {
            return String.format("%s: reward rate = %.3f ± %.3f per trial (%d episodes, T = %d)", policy,
                    rewardRate(), rewardRateCi95(), episodes(), trials());
        }
        return String.format("%s: R_T = %.3f ± %.3f, %.2f sub-optimal pulls (%d episodes, T = %d)", policy,
                regretMean(), regretCi95(), suboptimalPullsMean(), episodes(), trials());
    }
}
