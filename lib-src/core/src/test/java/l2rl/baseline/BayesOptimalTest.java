package l2rl.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import l2rl.env.DependentTwoArmed;
import l2rl.env.ElevenArmedWithIndex;
import l2rl.env.FixedArms;
import l2rl.env.GaussianArms;
import l2rl.env.IndependentArms;
import l2rl.env.P1Prior;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;

class BayesOptimalTest {

    @Test
    void regretOfOneTrialIsOneSixth() {
        // One pull of either arm earns 1/2 in expectation; an oracle earns E[max(p1, p2)] = 2/3.
        assertEquals(1.0 / 6, BayesOptimalIndependent.solve(1).expectedRegret(), 1e-12);
    }

    @Test
    void regretOfTwoTrialsIsOneQuarter() {
        // Pull arm 0 (1/2); after a success stay (2/3), after a failure switch (1/2): V0 = 1/2 + 1/3 + 1/4.
        var solution = BayesOptimalIndependent.solve(2);
        assertEquals(13.0 / 12, solution.expectedReward(), 1e-12);
        assertEquals(1.0 / 4, solution.expectedRegret(), 1e-12);
        assertEquals(0, solution.arm(1, 0, 0, 0));
        assertEquals(1, solution.arm(0, 1, 0, 0));
    }

    @Test
    void independentSolutionMatchesPlainRecursionAndItsOwnPolicyValue() {
        var predictive = TwoArmedDp.independentUniform();
        for (int trials = 1; trials <= 7; trials++) {
            double optimal = TwoArmedDp.optimalValue(predictive, trials, 0, 0, 0, 0);
            var policy = BayesOptimal.forFamily(Tasks.family(Tasks.INDEPENDENT), trials).orElseThrow();
            assertEquals(optimal, BayesOptimalIndependent.solveUncached(trials).expectedReward(), 1e-12, "T=" + trials);
            assertEquals(optimal, TwoArmedDp.policyValue(predictive, policy, trials), 1e-12, "T=" + trials);
        }
    }

    @Test
    void solvesTwoHundredTrialsWithSublinearRegret() {
        var hundred = BayesOptimalIndependent.solve(100);
        var twoHundred = BayesOptimalIndependent.solve(200);
        assertTrue(hundred.expectedRegret() > BayesOptimalIndependent.solve(50).expectedRegret());
        assertTrue(twoHundred.expectedRegret() > hundred.expectedRegret());
        assertTrue(twoHundred.expectedRegret() < 1.5 * hundred.expectedRegret(),
                hundred.expectedRegret() + " then " + twoHundred.expectedRegret());
        // Mirror-image evidence, mirror-image choice; a symmetric state is a tie, which goes to arm 0.
        assertEquals(0, twoHundred.arm(0, 0, 0, 0));
        assertEquals(0, twoHundred.arm(30, 10, 10, 30));
        assertEquals(1, twoHundred.arm(10, 30, 30, 10));
        assertEquals(0, twoHundred.arm(70, 29, 70, 29));
    }

    @Test
    void simulatedRegretAgreesWithTheSolvedExpectation() {
        int trials = 100;
        var tasks = new TaskSet(Tasks.family(Tasks.INDEPENDENT), 7, 2000);
        var policy = BayesOptimal.forFamily(tasks.family(), trials).orElseThrow();
        var regrets = Histories.regrets(policy, tasks, trials);
        double mean = Arrays.stream(regrets).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(regrets).map(r -> (r - mean) * (r - mean)).sum() / (regrets.length - 1));
        double expected = BayesOptimalIndependent.solve(trials).expectedRegret();
        assertEquals(expected, mean, 4 * sd / Math.sqrt(regrets.length));
    }

    @Test
    void posteriorGreedyIsOptimalOnDependentArmsByExactDynamicProgramming() {
        for (var family : TwoArmedDp.dependentFamilies().entrySet()) {
            var id = family.getKey();
            var predictive = family.getValue();
            for (int trials = 1; trials <= 8; trials++) {
                var policy = BayesOptimal.forFamily(Tasks.family(id), trials).orElseThrow();
                double optimal = TwoArmedDp.optimalValue(predictive, trials, 0, 0, 0, 0);
                assertEquals(optimal, TwoArmedDp.policyValue(predictive, policy, trials), 1e-12, id + " T=" + trials);
            }
        }
    }

    @Test
    void posteriorGreedyFollowsTheEvidence() {
        var policy = BayesOptimal.forFamily(Tasks.family(Tasks.DEPENDENT_HARD), 10).orElseThrow();
        var rng = new SplittableRandom(1);
        assertEquals(0, policy.chooseArm(Histories.of(10, new int[] {0, 0}, new int[] {0, 0}), rng));
        assertEquals(1, policy.chooseArm(Histories.of(10, new int[] {0, 1}, new int[] {0, 0}), rng));
        // A success on arm 1 is evidence against arm 0 as much as a failure on arm 0 is.
        assertEquals(1, policy.chooseArm(Histories.of(10, new int[] {2, 1}, new int[] {2, 0}), rng));
        assertEquals(0, policy.chooseArm(Histories.of(10, new int[] {3, 3}, new int[] {2, 2}), rng));
    }

    @Test
    void onlyFamiliesWithAKnownSolutionHaveOne() {
        assertTrue(BayesOptimal.forFamily(new IndependentArms(10), 100).isEmpty());
        assertTrue(BayesOptimal.forFamily(new FixedArms(new double[] {0.8, 0.9}), 100).isEmpty());
        assertTrue(BayesOptimal.forFamily(new GaussianArms(2), 100).isEmpty());
        assertEquals("bayes-optimal", BayesOptimal.forFamily(new ElevenArmedWithIndex(), 5).orElseThrow().name());
        assertTrue(BayesOptimal.forFamily(new ElevenArmedWithIndex(), TargetBayesOptimal.MAX_TRIALS + 1).isEmpty(),
                "beyond the horizons its table is solved for");
        var dependent = BayesOptimal.forFamily(new DependentTwoArmed(new P1Prior.Uniform()), 100);
        assertEquals("bayes-optimal", dependent.orElseThrow().name());
    }

    @Test
    void independentPolicyRefusesAnotherHorizon() {
        var policy = BayesOptimal.forFamily(Tasks.family(Tasks.INDEPENDENT), 5).orElseThrow();
        assertThrows(IllegalArgumentException.class,
                () -> policy.chooseArm(Histories.of(6, new int[] {0, 0}, new int[] {0, 0}), new SplittableRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> BayesOptimalIndependent.solve(5).arm(2, 1, 1, 1));
    }
}
