package l2rl.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import l2rl.env.CheckedTask;
import l2rl.env.DeterministicArms;
import l2rl.env.ElevenArmedUninformative;
import l2rl.env.ElevenArmedWithIndex;
import l2rl.env.ExactPrior;
import l2rl.env.FixedArms;
import l2rl.env.GaussianArms;
import l2rl.env.IndependentArms;
import l2rl.env.P1Prior;
import l2rl.env.RandomPayoffArms;
import l2rl.env.RewardKind;
import l2rl.env.Task;
import l2rl.env.TaskFamily;
import l2rl.env.Tasks;

class BaselinesTest {

    private static List<String> names(TaskFamily family) {
        return Baselines.forFamily(family, 20).stream().map(BanditPolicy::name).toList();
    }

    @Test
    void offersThePaperBaselinesInOrderOnTheExperimentFamilies() {
        var all = List.of("random", "greedy", "epsilon-greedy", "ucb1", "thompson", "gittins", "bayes-optimal");
        for (var id : Tasks.EXPERIMENTS) {
            assertEquals(all, names(Tasks.family(id)), id);
        }
    }

    @Test
    void leavesOutBaselinesThatDoNotFitTheRewards() {
        var everywhere = List.of("random", "greedy", "epsilon-greedy", "ucb1");
        assertEquals(everywhere, names(new GaussianArms(10)));
        // Thompson sampling and the exact policy of the eleven-armed task use its prior over the target instead
        var eleven = List.of("random", "greedy", "epsilon-greedy", "ucb1", "thompson", "bayes-optimal");
        assertEquals(eleven, names(new ElevenArmedWithIndex()));
        assertEquals(eleven, names(new ElevenArmedUninformative()));
        var unitInterval = List.of("random", "greedy", "epsilon-greedy", "ucb1", "thompson");
        assertEquals(unitInterval, names(new RandomPayoffArms(10)));
        assertEquals(unitInterval, names(new DeterministicArms(10)));
        var bernoulli = List.of("random", "greedy", "epsilon-greedy", "ucb1", "thompson", "gittins");
        assertEquals(bernoulli, names(new FixedArms(new double[] {0.8, 0.9})));
        assertEquals(bernoulli, names(new IndependentArms(10)));
    }

    /** A user's family that only declares what it is: two arms paying 0/1, fixed means, maybe an exact prior. */
    private record Declared(RewardKind kind, boolean meansFixed, Optional<ExactPrior> prior) implements TaskFamily {
        @Override
        public int arms() {
            return 2;
        }

        @Override
        public String description() {
            return "declared " + kind;
        }

        @Override
        public Task sample(SplittableRandom rng) {
            return new IndependentArms(2).sample(rng);
        }

        @Override
        public RewardKind rewardKind() {
            return kind;
        }

        @Override
        public Optional<ExactPrior> exactPrior() {
            return prior;
        }
    }

    @Test
    void decidesByWhatAFamilyDeclaresNotByItsType() {
        var all = List.of("random", "greedy", "epsilon-greedy", "ucb1", "thompson", "gittins", "bayes-optimal");
        assertEquals(all, names(new Declared(RewardKind.ZERO_ONE, true, Optional.of(new ExactPrior.IndependentUniform()))));
        assertEquals(all, names(new Declared(RewardKind.ZERO_ONE, true,
                Optional.of(new ExactPrior.CoupledArms(new P1Prior.Uniform())))));
        assertEquals(all.subList(0, 6), names(new Declared(RewardKind.ZERO_ONE, true, Optional.empty())));
        assertEquals(all.subList(0, 5), names(new Declared(RewardKind.UNIT_INTERVAL, true, Optional.empty())));
        assertEquals(all.subList(0, 4), names(new Declared(RewardKind.REAL, true, Optional.empty())));
        assertEquals(List.of("random"), names(new Declared(RewardKind.ZERO_ONE, false,
                Optional.of(new ExactPrior.IndependentUniform()))), "drifting means: no stationary baseline");
    }

    @Test
    void everyOfferedPolicyPlaysEveryRegisteredTaskReproducibly() {
        int trials = 20;
        for (var id : Tasks.ids()) {
            var family = Tasks.family(id);
            for (var policy : Baselines.forFamily(family, trials)) {
                var first = Histories.play(policy, CheckedTask.sample(family, new SplittableRandom(5)), trials,
                        new SplittableRandom(9));
                var again = Histories.play(policy, CheckedTask.sample(family, new SplittableRandom(5)), trials,
                        new SplittableRandom(9));
                assertArrayEquals(first, again, id + " " + policy.name());
                for (int arm : first) {
                    assertTrue(arm >= 0 && arm < family.arms(), id + " " + policy.name() + " pulled " + arm);
                }
            }
        }
    }
}
