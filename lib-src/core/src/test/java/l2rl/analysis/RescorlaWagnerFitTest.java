package l2rl.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import l2rl.env.EpisodeHistory;
import l2rl.env.Seeds;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.eval.EpisodeTrace;

/** The Rescorla-Wagner fits recover the parameters that simulated the choices, and BIC tells the two cases apart. */
class RescorlaWagnerFitTest {
    private static final TaskSet TASKS = new TaskSet(Tasks.family(Tasks.RESTLESS), 17, 400);

    /** Choices of a softmax Rescorla-Wagner learner of rate {@code alphas[regime]}, lapsing with {@code epsilon}. */
    private static VolatilityAnalysis.LearningRates simulated(double[] alphas, double beta, double epsilon) {
        var regimes = VolatilityAnalysis.regimes(TASKS);
        var arms = new int[TASKS.episodes()][];
        var rewards = new double[TASKS.episodes()][];
        for (int e = 0; e < arms.length; e++) {
            var learner = new VolatilityAnalysis.SoftmaxRescorlaWagner(alphas[regimes[e]], beta);
            var lapsing = new l2rl.baseline.BanditPolicy() {
                public String name() {
                    return "lapsing";
                }

                public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
                    int arm = learner.chooseArm(history, rng);
                    return rng.nextDouble() < epsilon ? rng.nextInt(2) : arm;
                }
            };
            var trace = EpisodeTrace.play(lapsing, TASKS.task(e), 100, Seeds.rng(5, "simulated", e));
            arms[e] = trace.arms();
            rewards[e] = trace.rewards();
        }
        return VolatilityAnalysis.analyse("simulated", TASKS, arms, rewards);
    }

    @Test
    void recoversOneBlocksParameters() {
        var rates = simulated(new double[] {0.2, 0.2}, 8, 0.1);
        var abe = rates.fit(RescorlaWagnerFit.Model.ABE, false);
        double beta = abe.blocks().stream().mapToDouble(RescorlaWagnerFit.Parameters::beta).average().orElseThrow();
        double epsilon = abe.blocks().stream().mapToDouble(RescorlaWagnerFit.Parameters::epsilon).average()
                .orElseThrow();
        assertEquals(0.2, abe.blocks().get(0).alpha(), 0.03, "the shared alpha");
        assertEquals(8, beta, 1.5, "beta, averaged over blocks");
        assertEquals(0.1, epsilon, 0.04, "epsilon, averaged over blocks");
    }

    @Test
    void aFixedRateLearnerFavoursOneSharedAlpha() {
        var rates = simulated(new double[] {0.2, 0.2}, 8, 0);
        assertTrue(rates.bicGainAb() < 0 && rates.bicGainAbe() < 0, "BIC gains " + rates.bicGainAb());
        assertTrue(!rates.alphaHigherInHighVolatility(), "alpha difference " + rates.alphaDifference());
    }

    @Test
    void aLearnerWhoseRateFollowsVolatilityFavoursOneAlphaPerBlock() {
        var rates = simulated(new double[] {0.05, 0.5}, 8, 0);
        assertTrue(rates.bicGainAb() > 0, "BIC gain " + rates.bicGainAb());
        assertTrue(rates.alphaHigherInHighVolatility(), "alpha difference " + rates.alphaDifference());
        double low = java.util.Arrays.stream(rates.lowAlphas()).average().orElseThrow();
        double high = java.util.Arrays.stream(rates.highAlphas()).average().orElseThrow();
        assertEquals(0.05, low, 0.03, "low-volatility blocks' alpha");
        assertEquals(0.5, high, 0.1, "high-volatility blocks' alpha");
    }
}
