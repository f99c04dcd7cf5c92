package l2rl.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import l2rl.env.EpisodeHistory;
import l2rl.env.RestlessTwoArmed;
import l2rl.env.RestlessWalk;

/**
 * The restless bandit's Bayes-optimal policy is optimal: on a small chain (5 levels of p1, two volatilities, 4
 * trials) the best expected reward any policy can reach, by dynamic programming over every history with the
 * hidden regime and path of p1 summed out by brute force, equals the expected reward of the library's policy; and
 * the filter it acts on gives, at every history, the predictive mean the brute force gives.
 */
class RestlessBayesOptimalTest {
    private static final RestlessWalk CHAIN = new RestlessWalk(5, List.of(0.1, 0.3));
    private static final int TRIALS = 4;

    /** One hidden world: the regime and p1's level at each trial, with its prior probability. */
    private record Path(int[] levels, double prior) {
    }

    private static final List<Path> PATHS = paths();

    private static List<Path> paths() {
        var paths = new ArrayList<Path>();
        int levels = CHAIN.levels();
        for (int r = 0; r < CHAIN.regimes(); r++) {
            var step = CHAIN.transition(r);
            int count = (int) Math.pow(levels, TRIALS);
            for (int code = 0; code < count; code++) {
                var k = new int[TRIALS];
                int c = code;
                for (int t = 0; t < TRIALS; t++) {
                    k[t] = c % levels;
                    c /= levels;
                }
                double prior = 1.0 / CHAIN.regimes() / levels;
                for (int t = 1; t < TRIALS; t++) {
                    prior *= step[k[t - 1]][k[t]];
                }
                paths.add(new Path(k, prior));
            }
        }
        return paths;
    }

    /** P(reward 1 | pulling arm a at trial t, p1 = level's value). */
    private static double pays(int arm, int level) {
        double p1 = CHAIN.p1(level);
        return arm == 0 ? p1 : 1 - p1;
    }

    /** Each path's posterior weight given the arms and rewards so far (unnormalised). */
    private static double[] weights(int[] arms, int[] rewards, int t) {
        var w = new double[PATHS.size()];
        for (int i = 0; i < w.length; i++) {
            var path = PATHS.get(i);
            w[i] = path.prior();
            for (int s = 0; s < t; s++) {
                double p = pays(arms[s], path.levels()[s]);
                w[i] *= rewards[s] == 1 ? p : 1 - p;
            }
        }
        return w;
    }

    /** P(arm pays 1 at trial t | history), by brute force over the hidden paths. */
    private static double predictive(int[] arms, int[] rewards, int t, int arm) {
        var w = weights(arms, rewards, t);
        double total = 0;
        double paying = 0;
        for (int i = 0; i < w.length; i++) {
            total += w[i];
            paying += w[i] * pays(arm, PATHS.get(i).levels()[t]);
        }
        return paying / total;
    }

    /** The best expected reward from trial t on, over every policy. */
    private static double optimal(int[] arms, int[] rewards, int t) {
        if (t == TRIALS) {
            return 0;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int arm = 0; arm < 2; arm++) {
            best = Math.max(best, value(arms, rewards, t, arm, RestlessBayesOptimalTest::optimal));
        }
        return best;
    }

    private interface Continuation {
        double from(int[] arms, int[] rewards, int t);
    }

    private static double value(int[] arms, int[] rewards, int t, int arm, Continuation next) {
        double p = predictive(arms, rewards, t, arm);
        double v = 0;
        for (int reward = 0; reward < 2; reward++) {
            var a = arms.clone();
            var r = rewards.clone();
            a[t] = arm;
            r[t] = reward;
            v += (reward == 1 ? p : 1 - p) * (reward + next.from(a, r, t + 1));
        }
        return v;
    }

    private static EpisodeHistory history(int[] arms, int[] rewards, int t) {
        var history = new EpisodeHistory(2, TRIALS);
        for (int s = 0; s < t; s++) {
            history.record(arms[s], rewards[s]);
        }
        return history;
    }

    /** The expected reward from trial t on of a deterministic policy. */
    private static double policyValue(BanditPolicy policy, int[] arms, int[] rewards, int t) {
        if (t == TRIALS) {
            return 0;
        }
        int arm = policy.chooseArm(history(arms, rewards, t), new SplittableRandom(t));
        return value(arms, rewards, t, arm, (a, r, s) -> policyValue(policy, a, r, s));
    }

    @Test
    void theGreedyFilterPolicyReachesTheDynamicProgrammingOptimum() {
        var family = new RestlessTwoArmed(CHAIN, "");
        var policy = BayesOptimal.forFamily(family, TRIALS).orElseThrow();
        var arms = new int[TRIALS];
        var rewards = new int[TRIALS];
        double best = optimal(arms, rewards, 0);
        assertEquals(best, policyValue(policy, arms, rewards, 0), 1e-12);
        // The optimum is not trivial: always pulling arm 1 earns only the prior mean, 1/2 a trial.
        assertEquals(TRIALS / 2.0, policyValue(new Always(0), arms, rewards, 0), 1e-12);
        assertTrue(best > TRIALS / 2.0 + 0.1, "optimum " + best);
        // A policy that ignores the evidence at one trial loses expected reward there.
        assertTrue(policyValue(new ContraryAtTrial(policy, 2), arms, rewards, 0) < best - 1e-3);
    }

    @Test
    void theFilterGivesTheBruteForcePredictiveMeanAtEveryHistory() {
        var filter = new RestlessFilter(CHAIN);
        int histories = 1 << (2 * (TRIALS - 1));
        for (int code = 0; code < histories; code++) {
            var arms = new int[TRIALS];
            var rewards = new int[TRIALS];
            for (int s = 0; s < TRIALS - 1; s++) {
                arms[s] = (code >> (2 * s)) & 1;
                rewards[s] = (code >> (2 * s + 1)) & 1;
            }
            var f = filter.fresh();
            var history = history(arms, rewards, TRIALS - 1);
            for (int t = 0; t < TRIALS; t++) {
                assertEquals(predictive(arms, rewards, t, 0), f.predictiveMean(), 1e-12, "history " + code + " t " + t);
                if (t < TRIALS - 1) {
                    f.observe(RestlessFilter.evidence(history, t));
                }
            }
        }
    }

    private record Always(int arm) implements BanditPolicy {
        @Override
        public String name() {
            return "always-" + arm;
        }

        @Override
        public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
            return arm;
        }
    }

    /** {@code policy}, but pulling the other arm at trial {@code trial}. */
    private record ContraryAtTrial(BanditPolicy policy, int trial) implements BanditPolicy {
        @Override
        public String name() {
            return "contrary";
        }

        @Override
        public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
            int arm = policy.chooseArm(history, rng);
            return history.trial() == trial ? 1 - arm : arm;
        }
    }
}
