package l2rl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class TasksTest {
    private static final int SAMPLES = 2000;

    /** Samples {@link #SAMPLES} tasks of {@code id} and hands each to {@code check}. */
    private static void forSampledTasks(String id, Consumer<Bandit> check) {
        var tasks = new TaskSet(Tasks.family(id), 7, SAMPLES);
        for (int e = 0; e < SAMPLES; e++) {
            check.accept((Bandit) tasks.task(e).task());  // the library's families draw stationary bandits
        }
    }

    @Test
    void registersEveryIdOfTheGymBanditPackage() {
        var expected = Set.of("BanditTwoArmedIndependentUniform-v0", "BanditTwoArmedDependentUniform-v0",
                "BanditTwoArmedDependentEasy-v0", "BanditTwoArmedDependentMedium-v0",
                "BanditTwoArmedDependentHard-v0", "BanditTenArmedRandomFixed-v0", "BanditTenArmedRandomRandom-v0",
                "BanditTenArmedGaussian-v0", "BanditTenArmedUniformDistributedReward-v0",
                "BanditTwoArmedDeterministicFixed-v0", "BanditTwoArmedHighHighFixed-v0",
                "BanditTwoArmedHighLowFixed-v0", "BanditTwoArmedLowLowFixed-v0", "BanditElevenArmedWithIndex-v0",
                "BanditElevenArmedUninformative-v0", Tasks.TWO_STEP, Tasks.TWO_STEP_REVERSAL, Tasks.TWO_STEP_DRIFT,
                Tasks.RESTLESS, Tasks.RESTLESS_LOW, Tasks.RESTLESS_HIGH);
        assertEquals(expected, new HashSet<>(Tasks.ids()));
        for (var id : Tasks.ids()) {
            var task = Tasks.family(id).sample(Seeds.rng(1, "test", 0));
            assertEquals(Tasks.family(id).arms(), task.arms(), id);
        }
    }

    @Test
    void independentArmsAreUniformOnTheUnitIntervalAndIndependent() {
        var p1 = new double[SAMPLES];
        var p2 = new double[SAMPLES];
        int[] episode = {0};
        forSampledTasks(Tasks.INDEPENDENT, task -> {
            p1[episode[0]] = task.mean(0);
            p2[episode[0]++] = task.mean(1);
        });
        for (var p : List.of(p1, p2)) {
            assertTrue(Arrays.stream(p).allMatch(x -> x >= 0 && x <= 1));
            // U[0,1] has mean 1/2 and variance 1/12; 5 standard errors of the sample mean.
            assertEquals(0.5, Arrays.stream(p).average().orElseThrow(), 5 * Math.sqrt(1.0 / 12 / SAMPLES));
        }
        double covariance = 0;
        for (int i = 0; i < SAMPLES; i++) {
            covariance += (p1[i] - 0.5) * (p2[i] - 0.5);
        }
        assertEquals(0, covariance / SAMPLES, 5.0 / 12 / Math.sqrt(SAMPLES));
    }

    @Test
    void dependentFamiliesHaveP2EqualToOneMinusP1WithinTheirSupport() {
        record Family(String id, double[] support) {
        }
        for (var family : List.of(new Family(Tasks.DEPENDENT_EASY, new double[] {0.1, 0.9}),
                new Family(Tasks.DEPENDENT_MEDIUM, new double[] {0.25, 0.75}),
                new Family(Tasks.DEPENDENT_HARD, new double[] {0.4, 0.6}))) {
            var seen = new HashSet<Double>();
            forSampledTasks(family.id(), task -> {
                assertEquals(1.0, task.mean(0) + task.mean(1), 1e-15, family.id());
                seen.add(task.mean(0));
            });
            assertEquals(Set.of(family.support()[0], family.support()[1]), seen, family.id());
        }
        forSampledTasks(Tasks.DEPENDENT_UNIFORM, task -> {
            assertEquals(1.0, task.mean(0) + task.mean(1), 1e-15);
            assertTrue(task.mean(0) >= 0 && task.mean(0) <= 1);
        });
    }

    @Test
    void fixedAndTenArmedFamiliesSampleInTheirDocumentedRanges() {
        forSampledTasks("BanditTwoArmedHighLowFixed-v0", task -> assertArrayEquals(new double[] {0.8, 0.2}, task.means()));
        forSampledTasks("BanditTwoArmedDeterministicFixed-v0", task -> {
            assertEquals(1.0, task.pull(0));
            assertEquals(0.0, task.pull(1));
        });
        forSampledTasks("BanditTenArmedRandomRandom-v0", task -> {
            assertEquals(10, task.arms());
            assertTrue(Arrays.stream(task.means()).allMatch(m -> m >= 0 && m <= 1));
        });
        forSampledTasks("BanditTenArmedUniformDistributedReward-v0", task -> {
            for (int a = 0; a < 10; a++) {
                assertEquals(task.mean(a), task.pull(a), "a deterministic arm pays its mean");
            }
        });
        double[] gaussianSum = {0};
        forSampledTasks("BanditTenArmedGaussian-v0", task -> gaussianSum[0] += Arrays.stream(task.means()).sum());
        assertEquals(0, gaussianSum[0] / (10.0 * SAMPLES), 5 / Math.sqrt(10.0 * SAMPLES));
    }

    @Test
    void elevenArmedTaskHasOneTargetAndAnInformativeArm() {
        forSampledTasks("BanditElevenArmedWithIndex-v0", task -> {
            int target = task.optimalArm();
            assertTrue(target < 10);
            assertEquals(5.0, task.mean(target));
            for (int a = 0; a < 10; a++) {
                assertEquals(a == target ? 5.0 : 1.0, task.pull(a), "pays exactly 1 off target, not 1.1");
            }
            assertEquals((target + 1) / 10.0, task.mean(10), 1e-15);
        });
        assertEquals(5, Tasks.family("BanditElevenArmedWithIndex-v0").defaultTrials());
    }

    @Test
    void theUninformativeElevenArmedTaskHidesTheTargetFromArmEleven() {
        var together = new int[10][10];  // [target][arm 11's index - 1]: every pair, about equally often
        forSampledTasks("BanditElevenArmedUninformative-v0", task -> {
            int target = task.optimalArm();
            assertTrue(target < 10);
            for (int a = 0; a < 10; a++) {
                assertEquals(a == target ? 5.0 : 1.0, task.pull(a));
            }
            double armEleven = task.pull(10);
            assertEquals(task.mean(10), armEleven, "deterministic");
            int k = (int) Math.round(armEleven * 10);
            assertEquals(k / 10.0, armEleven, 0.0, "pays one of 0.1 .. 1.0 exactly");
            together[target][k - 1]++;
        });
        assertEquals(5, Tasks.family("BanditElevenArmedUninformative-v0").defaultTrials());
        // independence: each of the 100 (target, index) pairs holds about 1/100 of the samples
        for (var row : together) {
            for (int count : row) {
                assertEquals(SAMPLES / 100.0, count, 5 * Math.sqrt(SAMPLES / 100.0));
            }
        }
    }

    @Test
    void bernoulliArmsPayAtTheirProbability() {
        var task = BernoulliBandit.ofProbabilities(new double[] {0.3, 0.8}, Seeds.rng(3, "test", 0));
        int pulls = 20_000;
        for (int a = 0; a < 2; a++) {
            double paid = 0;
            for (int i = 0; i < pulls; i++) {
                paid += task.pull(a);
            }
            double p = task.mean(a);
            assertEquals(p, paid / pulls, 5 * Math.sqrt(p * (1 - p) / pulls));
        }
    }

    @Test
    void sameSeedGivesSameTasksAndRewardsDifferentSeedDifferentOnes() {
        var family = Tasks.family(Tasks.INDEPENDENT);
        var a = new TaskSet(family, 1, 50);
        var b = new TaskSet(family, 1, 50);
        var c = new TaskSet(family, 2, 50);
        int differing = 0;
        for (int e = 0; e < 50; e++) {
            assertArrayEquals(a.bandit(e).means(), b.bandit(e).means());
            var x = a.bandit(e);
            var y = b.bandit(e);
            for (int i = 0; i < 20; i++) {
                assertEquals(x.pull(i % 2), y.pull(i % 2));
            }
            differing += Arrays.equals(a.bandit(e).means(), c.bandit(e).means()) ? 0 : 1;
        }
        assertEquals(50, differing);
    }

    @Test
    void anArmsRewardsDoNotDependOnTheOtherArmsPulls() {
        var tasks = new TaskSet(Tasks.family(Tasks.INDEPENDENT), 5, 1);
        var onlyArm0 = tasks.bandit(0);
        var interleaved = tasks.bandit(0);
        for (int i = 0; i < 50; i++) {
            interleaved.pull(1);
            assertEquals(onlyArm0.pull(0), interleaved.pull(0));
        }
    }

    @Test
    void misspelledIdsGetTheIntendedIdSuggestedFirst() {
        var dependant = assertThrows(UnknownTaskException.class,
                () -> Tasks.family("BanditTwoArmedDependantUniform-v0"));
        assertEquals(Tasks.DEPENDENT_UNIFORM, dependant.suggestions().get(0));
        var lowercase = assertThrows(UnknownTaskException.class,
                () -> Tasks.family("BandittwoArmedDependentMedium-v0"));
        assertEquals(Tasks.DEPENDENT_MEDIUM, lowercase.suggestions().get(0));
        assertTrue(lowercase.getMessage().contains("did you mean " + Tasks.DEPENDENT_MEDIUM));
        var nonsense = assertThrows(UnknownTaskException.class, () -> Tasks.family("CartPole-v1"));
        for (var id : Tasks.ids()) {
            assertTrue(nonsense.getMessage().contains(id), "the message lists every valid id");
        }
    }

    @Test
    void discretePriorPosteriorMatchesBayesRuleByHand() {
        var prior = new P1Prior.Discrete(new double[] {0.25, 0.75});
        // Two pieces of evidence for arm 1, one against: weights 0.25^2*0.75 and 0.75^2*0.25.
        double w1 = 0.25 * 0.25 * 0.75;
        double w2 = 0.75 * 0.75 * 0.25;
        assertEquals((0.25 * w1 + 0.75 * w2) / (w1 + w2), prior.posteriorMean(2, 1), 1e-15);
        assertEquals(0.5, prior.posteriorMean(40, 40), 1e-12);
        assertFalse(Double.isNaN(prior.posteriorMean(900, 0)));
        assertEquals(0.75, prior.posteriorMean(900, 0), 1e-12);
        assertEquals(3.0 / 5, new P1Prior.Uniform().posteriorMean(2, 1), 1e-15);
    }
}
