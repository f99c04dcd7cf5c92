package l2rl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The two-step tasks: the step-by-step mapping, the transition and reward statistics, common random numbers. */
class TwoStepTaskTest {
    private static final List<String> IDS = List.of(Tasks.TWO_STEP, Tasks.TWO_STEP_REVERSAL, Tasks.TWO_STEP_DRIFT);

    @Test
    void everyVersionKeepsTheTaskContract() {
        for (var id : IDS) {
            var family = Tasks.family(id);
            CheckedTask.probe(family, family.defaultTrials(), Seeds.rng(1, "probe", 0));
            assertFalse(family.perStepRegret(), id);
            assertEquals(3, family.observationSize(), id);
        }
        assertEquals(150, Tasks.family(Tasks.TWO_STEP).defaultTrials(), "75 trials of 2 steps");
        assertEquals(200, Tasks.family(Tasks.TWO_STEP_DRIFT).defaultTrials());
    }

    @Test
    void aTrialIsTwoStepsStateOneThenTheStateReached() {
        var family = (TwoStep) Tasks.family(Tasks.TWO_STEP);
        var task = CheckedTask.sample(family, Seeds.rng(3, "task", 0));
        var episode = (TwoStep.Episode) task.task();
        var x = new double[3];
        for (int t = 0; t < 20; t++) {
            task.observe(x, 0);
            assertArrayEquals(new double[] {1, 0, 0}, x, "stage 1 shows S1");
            int choice = t % 2;
            assertEquals(0.0, task.pull(choice), "stage 1 pays nothing");
            task.observe(x, 0);
            assertEquals(0.0, x[TwoStep.S1]);
            double reward = task.pull(1 - choice);
            var trial = episode.lastTrial();
            assertEquals(choice, trial.choice());
            assertEquals(1.0, x[TwoStep.S2 + trial.secondStage()], "stage 2 shows the state reached");
            assertEquals(trial.common(), (choice == 0) == (trial.secondStage() == 0), "a1 commonly leads to S2");
            assertEquals(trial.rewarded() ? 1.0 : 0.0, reward);
        }
    }

    @Test
    void transitionsAndRewardsHaveTheDeclaredProbabilities() {
        for (var id : IDS) {
            var family = (TwoStep) Tasks.family(id);
            var tasks = new TaskSet(family, 5, 400);
            long common = 0;
            long trials = 0;
            long good = 0;
            long rewardedInGood = 0;
            for (int e = 0; e < tasks.episodes(); e++) {
                var task = tasks.task(e);
                var episode = (TwoStep.Episode) task.task();
                for (int t = 0; t < family.trialsPerEpisode(); t++) {
                    task.pull(e % 2);
                    task.pull(0);
                    var trial = episode.lastTrial();
                    common += trial.common() ? 1 : 0;
                    trials++;
                    if (family.kind() != TwoStep.Kind.DRIFT) {
                        // the trial's correct sign says whether the state reached was the good one
                        boolean inGood = trial.common() == (trial.correct() == 1);
                        if (inGood) {
                            good++;
                            rewardedInGood += trial.rewarded() ? 1 : 0;
                        }
                    }
                }
            }
            double rate = (double) common / trials;
            assertEquals(family.commonTransition(), rate, 4 * Math.sqrt(0.25 / trials), id);
            if (good > 0) {
                assertEquals(TwoStep.GOOD, (double) rewardedInGood / good, 4 * Math.sqrt(0.09 / good), id);
            }
        }
    }

    @Test
    void reversalsSwapAtTheDeclaredRateAndDriftStaysWithinItsBounds() {
        var reversal = (TwoStep) Tasks.family(Tasks.TWO_STEP_REVERSAL);
        var tasks = new TaskSet(reversal, 9, 200);
        long swaps = 0;
        long steps = 0;
        for (int e = 0; e < tasks.episodes(); e++) {
            var task = tasks.task(e);
            var episode = (TwoStep.Episode) task.task();
            double before = episode.rewardProbability(0, 0);
            for (int t = 0; t < reversal.trialsPerEpisode(); t++) {
                task.pull(0);
                task.pull(0);
                double now = episode.rewardProbability(0, 0);
                swaps += now != before ? 1 : 0;
                before = now;
                steps++;
            }
        }
        assertEquals(TwoStep.SWAP, (double) swaps / steps, 4 * Math.sqrt(TwoStep.SWAP / steps));

        var drift = (TwoStep) Tasks.family(Tasks.TWO_STEP_DRIFT);
        var task = CheckedTask.sample(drift, Seeds.rng(2, "task", 0));
        var episode = (TwoStep.Episode) task.task();
        double moved = 0;
        double last = episode.rewardProbability(1, 1);
        for (int t = 0; t < 5000; t++) {
            task.pull(1);
            task.pull(1);
            for (int s = 0; s < 2; s++) {
                for (int a = 0; a < 2; a++) {
                    double p = episode.rewardProbability(s, a);
                    assertTrue(p >= TwoStep.LOW && p <= TwoStep.HIGH, "reflected: " + p);
                }
            }
            moved += Math.abs(episode.rewardProbability(1, 1) - last);
            last = episode.rewardProbability(1, 1);
        }
        assertEquals(TwoStep.SIGMA * Math.sqrt(2 / Math.PI), moved / 5000, 0.002, "mean |step| of N(0, sigma^2)");
    }

    @Test
    void everyPolicyMeetsTheSameTransitionAndRewardDraws() {
        var family = (TwoStep) Tasks.family(Tasks.TWO_STEP_DRIFT);
        var tasks = new TaskSet(family, 11, 3);
        var one = tasks.task(1);
        var other = tasks.task(1);
        var a = (TwoStep.Episode) one.task();
        var b = (TwoStep.Episode) other.task();
        for (int t = 0; t < 100; t++) {
            one.pull(0);
            one.pull(0);
            other.pull(1);
            other.pull(t % 2);
            assertEquals(a.lastTrial().common(), b.lastTrial().common(), "the same transition draw");
            for (int s = 0; s < 2; s++) {
                assertEquals(a.rewardProbability(s, 1), b.rewardProbability(s, 1), "the same drift");
            }
        }
    }
}
