package l2rl.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

import l2rl.env.Bandit;
import l2rl.env.ElevenArmedUninformative;
import l2rl.env.ElevenArmedWithIndex;
import l2rl.env.Seeds;
import l2rl.env.TaskFamily;
import l2rl.env.TaskSet;
import l2rl.eval.EpisodeTrace;

/**
 * The eleven-armed task's baselines (paper 3.1.3) against values derived by hand. Arms are 0-based here: arms 0-9
 * are the candidates, arm 10 is the paper's arm 11. A pull off target costs 5 - 1 = 4; a pull of arm 11 costs
 * 5 - k/10, on average 5 - 0.55 = 4.45, since k is uniform on 1..10 (the target's number, or independent of it).
 */
class ElevenArmsBaselinesTest {
    private static final TaskFamily INFORMATIVE = new ElevenArmedWithIndex(true);
    private static final TaskFamily UNINFORMATIVE = new ElevenArmedUninformative();
    private static final int EPISODES = 20_000;

    @Test
    void theExactPolicyPullsArmElevenOnceThenTheTargetItNames() {
        var policy = new TargetBayesOptimal(true, 5);
        // The paper's optimum: 0.55 + 4 x 5 = 20.55 of the 25 the target pays in 5 trials, R_5 = 4.45.
        assertEquals(20.55, policy.episodeValue(), 1e-12);
        var tasks = new TaskSet(INFORMATIVE, 3, 500);
        for (int e = 0; e < tasks.episodes(); e++) {
            int target = target(tasks, e);
            var trace = EpisodeTrace.play(policy, tasks.task(e), 5, Seeds.rng(3, "policy", e));
            assertArrayEquals(new int[] {10, target, target, target, target}, trace.arms());
            assertEquals(5 - (target + 1) / 10.0, sum(trace.regrets()), 1e-12);
        }
    }

    @Test
    void theExactValuesAtOtherHorizonsAreTheHandDerivedOnes() {
        // T = 1: a candidate pays 1 + 4/10 = 1.4 on average, arm 11 0.55: one pull of a candidate.
        assertEquals(1.4, new TargetBayesOptimal(true, 1).episodeValue(), 1e-12);
        assertEquals(1.4, new TargetBayesOptimal(false, 1).episodeValue(), 1e-12);
        // T = 2, informative: arm 11 then the target, 0.55 + 5 = 5.55, beats a candidate first,
        // 0.1 x 10 + 0.9 x (1 + 1 + 4/9) = 3.2; from T = 2 on the regret stays 4.45.
        assertEquals(5.55, new TargetBayesOptimal(true, 2).episodeValue(), 1e-12);
        assertEquals(100 * 5 - 4.45, new TargetBayesOptimal(true, 100).episodeValue(), 1e-9);
        // Uninformative: search the candidates without replacement. With N the target's place in the search
        // (uniform on 1..10) the regret is 4 min(N - 1, T): at T = 5, 4 (0+1+2+3+4+5+5+5+5+5)/10 = 14; at T = 100,
        // 4 x E[N - 1] = 4 x 4.5 = 18.
        assertEquals(25 - 14, new TargetBayesOptimal(false, 5).episodeValue(), 1e-12);
        assertEquals(500 - 18, new TargetBayesOptimal(false, 100).episodeValue(), 1e-9);
    }

    /**
     * The dynamic program's values against an exhaustive search that knows nothing of candidate sets: the posterior
     * is the set of (target, arm 11's index) hypotheses consistent with the rewards seen, each equally likely, and
     * every arm is tried at every node.
     */
    @Test
    void theDynamicProgramAgreesWithAnExhaustiveSearchOverHypotheses() {
        for (boolean informative : new boolean[] {true, false}) {
            var search = new ExhaustiveSearch(informative);
            for (int trials = 1; trials <= 5; trials++) {
                assertEquals(search.value(search.prior(), trials), new TargetBayesOptimal(informative, trials)
                        .episodeValue(), 1e-9, (informative ? "informative" : "uninformative") + ", T = " + trials);
            }
        }
    }

    @Test
    void onTheUninformativeTaskTheExactPolicySearchesAndNeverPullsArmEleven() {
        var policy = new TargetBayesOptimal(false, 5);
        var tasks = new TaskSet(UNINFORMATIVE, 5, EPISODES);
        double regret = 0;
        for (int e = 0; e < tasks.episodes(); e++) {
            var trace = EpisodeTrace.play(policy, tasks.task(e), 5, Seeds.rng(5, "policy", e));
            assertSearches(trace.arms(), target(tasks, e));
            regret += sum(trace.regrets());
        }
        assertEquals(14, regret / EPISODES, 4 * SEARCH_SD / Math.sqrt(EPISODES));
    }

    @Test
    void thompsonSamplingSearchesTheTargetAndNeverPullsArmEleven() {
        for (var family : List.of(INFORMATIVE, UNINFORMATIVE)) {
            var tasks = new TaskSet(family, 11, EPISODES);
            var policy = new TargetThompsonPolicy(family == INFORMATIVE);
            double regret = 0;
            var firstPulls = new int[11];
            for (int e = 0; e < tasks.episodes(); e++) {
                var trace = EpisodeTrace.play(policy, tasks.task(e), 5, Seeds.rng(11, "policy", e));
                assertSearches(trace.arms(), target(tasks, e));
                firstPulls[trace.arms()[0]]++;
                regret += sum(trace.regrets());
            }
            // R_5 = 4 E[min(N - 1, 5)] = 14, as the exact search above; the first pull is uniform over arms 1-10
            assertEquals(14, regret / EPISODES, 4 * SEARCH_SD / Math.sqrt(EPISODES), family.toString());
            assertEquals(0, firstPulls[10]);
            for (int arm = 0; arm < 10; arm++) {
                assertEquals(EPISODES / 10.0, firstPulls[arm], 5 * Math.sqrt(EPISODES * 0.1 * 0.9));
            }
        }
    }

    @Test
    void ucb1TriesTheArmsInOrderSoItsRegretIsKnownEpisodeByEpisode() {
        var tasks = new TaskSet(INFORMATIVE, 13, 500);
        for (int e = 0; e < tasks.episodes(); e++) {
            int target = target(tasks, e);
            // T = 5: arms 1-5, one each; four or five of them off target
            var five = EpisodeTrace.play(new Ucb1Policy(), tasks.task(e), 5, Seeds.rng(13, "policy", e));
            assertArrayEquals(new int[] {0, 1, 2, 3, 4}, five.arms());
            assertEquals(target < 5 ? 16 : 20, sum(five.regrets()), 1e-12);
            // T = 100: all eleven once (9 x 4 off target, 5 - (target + 1)/10 for arm 11), then the target for
            // good: its index is at least 5, the others' at most 1 + sqrt(2 ln 100) = 4.03
            var hundred = EpisodeTrace.play(new Ucb1Policy(), tasks.task(e), 100, Seeds.rng(13, "policy", e));
            assertEquals(36 + 5 - (target + 1) / 10.0, sum(hundred.regrets()), 1e-9);
        }
    }

    @Test
    void randomChoiceHasTheExpectationOfAnArmDrawnUniformly() {
        // Per pull: 9 arms of 11 cost 4, the target 0, arm 11 4.45 on average: (36 + 4.45) / 11 = 3.6773 per
        // trial, R_5 = 18.386. Per pull the variance is (9 x 16 + E[(5 - k/10)^2]) / 11 - 3.6773^2 with
        // E[(5 - k/10)^2] = 4.45^2 + Var(k/10) = 19.8025 + 0.0825: 1.384, so 2.63 per episode of 5.
        for (var family : List.of(INFORMATIVE, UNINFORMATIVE)) {
            var tasks = new TaskSet(family, 17, EPISODES);
            double regret = 0;
            for (int e = 0; e < tasks.episodes(); e++) {
                regret += sum(EpisodeTrace.play(new RandomPolicy(), tasks.task(e), 5, Seeds.rng(17, "policy", e))
                        .regrets());
            }
            assertEquals(5 * 40.45 / 11, regret / EPISODES, 4 * 2.63 / Math.sqrt(EPISODES), family.toString());
        }
    }

    @Test
    void thePosteriorRulesOutWhatTheRewardsExclude() {
        var history = new l2rl.env.EpisodeHistory(11, 5);
        history.record(3, 1.0);
        history.record(7, 1.0);
        assertEquals(8, TargetPosterior.of(history, true).count());
        assertTrue(!TargetPosterior.of(history, true).possible(3) && TargetPosterior.of(history, true).possible(4));
        history.record(10, 0.6);
        assertEquals(new TargetPosterior(1 << 5, 6), TargetPosterior.of(history, true), "arm 11 names arm 6");
        assertEquals(new TargetPosterior(TargetPosterior.ALL & ~(1 << 3) & ~(1 << 7), 6),
                TargetPosterior.of(history, false), "an uninformative arm 11 names nothing");
        history.record(5, 5.0);
        assertEquals(1, TargetPosterior.of(history, false).count());
    }

    /** The per-episode regret of the search, 4 min(N - 1, 5): sd sqrt(E[x^2] - 14^2), E[x^2] = 16 x 135 / 10. */
    private static final double SEARCH_SD = Math.sqrt(16 * (0 + 1 + 4 + 9 + 16 + 5 * 25) / 10.0 - 14 * 14);

    /** Distinct candidates until the target, then the target: never arm 11, never an arm ruled out. */
    private static void assertSearches(int[] arms, int target) {
        boolean found = false;
        for (int t = 0; t < arms.length; t++) {
            assertNotEquals(10, arms[t]);
            if (found) {
                assertEquals(target, arms[t], "after the target is found: " + Arrays.toString(arms));
            } else {
                for (int s = 0; s < t; s++) {
                    assertNotEquals(arms[s], arms[t], "an arm ruled out pulled again: " + Arrays.toString(arms));
                }
            }
            found |= arms[t] == target;
        }
    }

    private static int target(TaskSet tasks, int episode) {
        return ((Bandit) tasks.task(episode).task()).optimalArm();
    }

    private static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }

    /** Expectimax over every arm at every node, the posterior kept as the set of hypotheses not yet refuted. */
    private static final class ExhaustiveSearch {
        private final boolean informative;
        private final Map<String, Double> memo = new HashMap<>();

        ExhaustiveSearch(boolean informative) {
            this.informative = informative;
        }

        /** Hypotheses (target j, arm 11's index k), j, k in 0..9; informative: k = j only. All equally likely. */
        boolean[] prior() {
            var h = new boolean[100];
            for (int j = 0; j < 10; j++) {
                for (int k = 0; k < 10; k++) {
                    h[10 * j + k] = !informative || j == k;
                }
            }
            return h;
        }

        double reward(int arm, int hypothesis) {
            int j = hypothesis / 10;
            int k = hypothesis % 10;
            return arm == 10 ? (k + 1) / 10.0 : arm == j ? 5 : 1;
        }

        double value(boolean[] hypotheses, int remaining) {
            if (remaining == 0) {
                return 0;
            }
            var key = Arrays.toString(hypotheses) + remaining;
            var known = memo.get(key);
            if (known != null) {
                return known;
            }
            int count = 0;
            for (boolean h : hypotheses) {
                count += h ? 1 : 0;
            }
            double best = Double.NEGATIVE_INFINITY;
            for (int arm = 0; arm < 11; arm++) {
                // group the hypotheses by the reward this arm would pay: each group is one outcome
                var outcomes = new HashMap<Double, boolean[]>();
                for (int h = 0; h < 100; h++) {
                    if (hypotheses[h]) {
                        outcomes.computeIfAbsent(reward(arm, h), r -> new boolean[100])[h] = true;
                    }
                }
                double value = 0;
                for (var outcome : outcomes.entrySet()) {
                    int inGroup = 0;
                    for (boolean h : outcome.getValue()) {
                        inGroup += h ? 1 : 0;
                    }
                    value += (double) inGroup / count * (outcome.getKey() + value(outcome.getValue(), remaining - 1));
                }
                best = Math.max(best, value);
            }
            memo.put(key, best);
            return best;
        }
    }
}
