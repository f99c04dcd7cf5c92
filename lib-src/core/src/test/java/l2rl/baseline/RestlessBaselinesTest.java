package l2rl.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

import l2rl.env.EpisodeHistory;
import l2rl.env.Seeds;
import l2rl.env.TaskFamily;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;

/** The restless bandit's baselines against values worked by hand, and the volatilities' measured criterion. */
class RestlessBaselinesTest {

    private static EpisodeHistory history(int... armThenReward) {
        var h = new EpisodeHistory(2, 100);
        for (int i = 0; i < armThenReward.length; i += 2) {
            h.record(armThenReward[i], armThenReward[i + 1]);
        }
        return h;
    }

    @Test
    void theRestlessFamiliesGetThePapersBaselines() {
        for (var id : List.of(Tasks.RESTLESS, Tasks.RESTLESS_LOW, Tasks.RESTLESS_HIGH)) {
            var names = Baselines.forFamily(Tasks.family(id), 100).stream().map(BanditPolicy::name).toList();
            assertEquals(List.of("random", "ucb", "thompson", "rescorla-wagner", "rescorla-wagner-coupled",
                    "bayes-optimal"), names, id);
        }
    }

    @Test
    void rescorlaWagnerMovesOnlyTheChosenArmAndTheCoupledFormOneEstimate() {
        var paper = new RescorlaWagnerPolicy(0.5, false);
        var coupled = new RescorlaWagnerPolicy(0.5, true);
        // arm 1 paid 1: V1 = 0.5 + 0.5 (1 - 0.5) = 0.75; then arm 2 paid 0: V2 = 0.5 + 0.5 (0 - 0.5) = 0.25
        assertArrayEquals(new double[] {0.75, 0.5}, paper.values(history(0, 1)), 1e-15);
        assertArrayEquals(new double[] {0.75, 0.25}, paper.values(history(0, 1, 1, 0)), 1e-15);
        // coupled: y = 1 (arm 1 paid) gives q = 0.75; then y = 1 (arm 2 failed) q = 0.875; then y = 0 (arm 2 paid)
        assertArrayEquals(new double[] {0.75, 0.25}, coupled.values(history(0, 1)), 1e-15);
        assertArrayEquals(new double[] {0.875, 0.125}, coupled.values(history(0, 1, 1, 0)), 1e-15);
        assertArrayEquals(new double[] {0.4375, 0.5625}, coupled.values(history(0, 1, 1, 0, 1, 1)), 1e-15);
        assertEquals(1, coupled.chooseArm(history(0, 1, 1, 0, 1, 1), new SplittableRandom(1)));
        assertEquals(0, paper.chooseArm(history(0, 1, 1, 0, 1, 1), new SplittableRandom(1)), "V = 0.75, 0.625");
    }

    @Test
    void theRateSearchMakesThePolicysOwnChoices() {
        var tasks = new TaskSet(Tasks.family(Tasks.RESTLESS), 3, 50);
        for (boolean coupled : new boolean[] {false, true}) {
            var policy = new RescorlaWagnerPolicy(0.3, coupled);
            double played = java.util.stream.IntStream.range(0, tasks.episodes()).mapToDouble(e -> {
                var task = tasks.task(e);
                var rng = Seeds.rng(tasks.seed(), "policy", e);
                var h = new EpisodeHistory(2, 100);
                double regret = 0;
                for (int t = 0; t < 100; t++) {
                    int arm = policy.chooseArm(h, rng);
                    h.record(arm, task.pull(arm));
                    regret += task.lastRegret();
                }
                return regret;
            }).sum() / tasks.episodes();
            assertEquals(played, RescorlaWagnerPolicy.meanRegret(0.3, coupled, tasks, 100), 1e-12);
        }
    }

    @Test
    void ucbUsesThePapersBonus() {
        // arm 1: 3 pulls, 2 paid; arm 2: 1 pull, none paid; n = 4.
        // chi = 1: 2/3 + sqrt(ln 4 / 3) = 1.3465 against sqrt(ln 4) = 1.1774: arm 1.
        // chi = 4: 2/3 + sqrt(4 ln 4 / 3) = 2.0263 against sqrt(4 ln 4) = 2.3548: arm 2.
        var h = history(0, 1, 0, 1, 0, 0, 1, 0);
        assertEquals(0, new UcbPolicy().chooseArm(h, new SplittableRandom(1)));
        assertEquals(1, new UcbPolicy(4).chooseArm(h, new SplittableRandom(1)));
        assertEquals(1, new UcbPolicy().chooseArm(history(0, 0), new SplittableRandom(1)), "each arm once first");
    }

    @Test
    void thompsonAssumesTheMeanVolatility() {
        var mixed = (RestlessThompson) Baselines.forFamily(Tasks.family(Tasks.RESTLESS), 100).get(2);
        assertEquals((Tasks.RESTLESS_LOW_SIGMA + Tasks.RESTLESS_HIGH_SIGMA) / 2, mixed.sigma(), 1e-15);
        var low = (RestlessThompson) Baselines.forFamily(Tasks.family(Tasks.RESTLESS_LOW), 100).get(2);
        assertEquals(Tasks.RESTLESS_LOW_SIGMA, low.sigma(), 1e-15);
        // Before any evidence the posterior is uniform on the grid: half the draws favour each arm (p1 = 1/2 ties).
        int first = 0;
        var rng = new SplittableRandom(4);
        for (int i = 0; i < 20_000; i++) {
            first += 1 - mixed.chooseArm(new EpisodeHistory(2, 100), rng);
        }
        assertEquals(0.5, first / 20_000.0, 0.015);
    }

    /**
     * The criterion the two volatilities were chosen by: the best fixed Rescorla-Wagner rates (the paper's form) of
     * the two regimes differ by at least 0.15, and on held-out episodes of each regime its own best rate beats the
     * other's, the paired 95% interval of the difference excluding 0.
     */
    @Test
    void theVolatilitiesMeetTheirCriterion() {
        var low = Tasks.family(Tasks.RESTLESS_LOW);
        var high = Tasks.family(Tasks.RESTLESS_HIGH);
        double lowRate = RescorlaWagnerPolicy.bestFixedRate(low, 100, false).alpha();
        double highRate = RescorlaWagnerPolicy.bestFixedRate(high, 100, false).alpha();
        assertTrue(highRate - lowRate >= 0.15, "best rates " + lowRate + " (low) and " + highRate + " (high)");
        assertTrue(pairedUpper(low, lowRate, highRate) < 0, "low volatility: its own rate is better");
        assertTrue(pairedUpper(high, highRate, lowRate) < 0, "high volatility: its own rate is better");
    }

    /** The upper end of the 95% interval of regret(own rate) - regret(other rate), paired over 1,000 episodes. */
    private static double pairedUpper(TaskFamily family, double own, double other) {
        var tasks = new TaskSet(family, 2, 1000);
        var d = new double[tasks.episodes()];
        for (int e = 0; e < d.length; e++) {
            var one = new TaskSet(family, Seeds.derive(2, "episode", e), 1);
            d[e] = RescorlaWagnerPolicy.meanRegret(own, false, one, 100)
                    - RescorlaWagnerPolicy.meanRegret(other, false, one, 100);
        }
        double mean = java.util.Arrays.stream(d).average().orElseThrow();
        double var = java.util.Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / (d.length - 1);
        return mean + new TDistribution(d.length - 1).inverseCumulativeProbability(0.975) * Math.sqrt(var / d.length);
    }
}
