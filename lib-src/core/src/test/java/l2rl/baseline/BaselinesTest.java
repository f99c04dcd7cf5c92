package l2rl.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import l2rl.env.CheckedTask;
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
        assertEquals(everywhere, names(new TaskFamily.GaussianArms(10)));
        assertEquals(everywhere, names(new TaskFamily.ElevenArmedWithIndex()));
        var unitInterval = List.of("random", "greedy", "epsilon-greedy", "ucb1", "thompson");
        assertEquals(unitInterval, names(new TaskFamily.RandomPayoffArms(10)));
        assertEquals(unitInterval, names(new TaskFamily.DeterministicArms(10)));
        var bernoulli = List.of("random", "greedy", "epsilon-greedy", "ucb1", "thompson", "gittins");
        assertEquals(bernoulli, names(new TaskFamily.FixedArms(new double[] {0.8, 0.9})));
        assertEquals(bernoulli, names(new TaskFamily.IndependentArms(10)));
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
