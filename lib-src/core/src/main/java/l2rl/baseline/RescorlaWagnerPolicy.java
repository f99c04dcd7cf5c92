package l2rl.baseline;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import l2rl.env.EpisodeHistory;
import l2rl.env.Seeds;
import l2rl.env.TaskFamily;
import l2rl.env.TaskSet;

/**
 * A Rescorla-Wagner learner with a fixed learning rate alpha, choosing greedily (ties at random).
 * <ul>
 * <li>The paper's form ({@code coupled = false}, row {@code rescorla-wagner}): one value per arm, 0.5 at the
 * episode's start; only the chosen arm's value moves, V_a += alpha (r - V_a).
 * <li>Coupled ({@code coupled = true}, row {@code rescorla-wagner-coupled}, beyond the paper): for two arms with
 * p2 = 1 - p1, one estimate q of p1, 0.5 at the start, moved by every trial's evidence y (r on arm 1, 1 - r on
 * arm 2): q += alpha (y - q); arm 1 is worth q, arm 2 1 - q.
 * </ul>
 * A constant rate weighs recent rewards more, so it tracks a drifting mean: it does not assume fixed means.
 *
 * @param alpha the learning rate, in (0, 1]
 * @param coupled whether one estimate of p1 is learned from either arm (two arms only)
 */
public record RescorlaWagnerPolicy(double alpha, boolean coupled) implements BanditPolicy {
    public static final String NAME = "rescorla-wagner";
    public static final String COUPLED_NAME = "rescorla-wagner-coupled";

    /** Rates searched for the best fixed rate: 0.01, 0.02, ..., 1. */
    public static final int RATE_STEPS = 100;
    /** Episodes the best fixed rate is measured on, from a seed no evaluation uses ({@link #RATE_SEED}). */
    public static final int RATE_EPISODES = 1000;
    /** The root seed of the episodes the best rate is measured on: a seed stream of its own, not 1, 7, ... */
    public static final long RATE_SEED = Seeds.derive(1, "rescorla-wagner-rate", 0);

    private static final Map<String, Double> BEST_RATES = new ConcurrentHashMap<>();

    public RescorlaWagnerPolicy {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("learning rate alpha must be in (0, 1], got " + alpha);
        }
    }

    @Override
    public String name() {
        return coupled ? COUPLED_NAME : NAME;
    }

    @Override
    public boolean assumesFixedMeans() {
        return false;
    }

    @Override
    public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
        return ArgMax.withRandomTies(values(history), rng);
    }

    /** Each arm's value before trial {@code history.trial()}. */
    public double[] values(EpisodeHistory history) {
        if (coupled) {
            double q = 0.5;
            for (int t = 0; t < history.trial(); t++) {
                q += alpha * (RestlessFilter.evidence(history, t) - q);
            }
            return new double[] {q, 1 - q};
        }
        var v = new double[history.arms()];
        java.util.Arrays.fill(v, 0.5);
        for (int t = 0; t < history.trial(); t++) {
            int a = history.arm(t);
            v[a] += alpha * (history.reward(t) - v[a]);
        }
        return v;
    }

    /**
     * The learner of the best fixed rate on {@code family}: the rate of the grid 0.01 .. 1 of lowest mean regret on
     * {@link #RATE_EPISODES} episodes of {@link #RATE_SEED} of {@code trials} trials, never the episodes it is
     * evaluated on; measured once per family, trials and form.
     */
    public static RescorlaWagnerPolicy bestFixedRate(TaskFamily family, int trials, boolean coupled) {
        var key = family + "/" + trials + "/" + coupled;
        return new RescorlaWagnerPolicy(BEST_RATES.computeIfAbsent(key, k -> measureBestRate(family, trials, coupled)),
                coupled);
    }

    private static double measureBestRate(TaskFamily family, int trials, boolean coupled) {
        var tasks = new TaskSet(family, RATE_SEED, RATE_EPISODES);
        var regret = new double[RATE_STEPS];
        IntStream.range(0, RATE_STEPS).parallel().forEach(i -> regret[i] = meanRegret((i + 1) / (double) RATE_STEPS,
                coupled, tasks, trials));
        int best = 0;
        for (int i = 1; i < RATE_STEPS; i++) {
            best = regret[i] < regret[best] ? i : best;
        }
        return (best + 1) / (double) RATE_STEPS;
    }

    /**
     * The mean regret on {@code tasks} of the learner of rate {@code alpha}, its choices drawn as an evaluation draws
     * them: the same arithmetic as {@link #values} in the same order, kept up trial by trial instead of recomputed
     * from the history, so the choices are those of {@link #chooseArm} and the search over rates is fast.
     */
    static double meanRegret(double alpha, boolean coupled, TaskSet tasks, int trials) {
        double total = 0;
        for (int e = 0; e < tasks.episodes(); e++) {
            var task = tasks.task(e);
            var rng = Seeds.rng(tasks.seed(), "policy", e);
            var v = new double[task.arms()];
            java.util.Arrays.fill(v, 0.5);
            double q = 0.5;
            for (int t = 0; t < trials; t++) {
                int arm = ArgMax.withRandomTies(coupled ? new double[] {q, 1 - q} : v, rng);
                double reward = task.pull(arm);
                total += task.lastRegret();
                if (coupled) {
                    int y = reward > 0 ? 1 : 0;
                    q += alpha * ((arm == 0 ? y : 1 - y) - q);
                } else {
                    v[arm] += alpha * (reward - v[arm]);
                }
            }
        }
        return total / tasks.episodes();
    }
}
