package l2rl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The restless bandit's walk and tasks do what their comments say. */
class RestlessTwoArmedTest {
    private static final TaskFamily MIXED = Tasks.family(Tasks.RESTLESS);

    @Test
    void stepsAreADiscretisedGaussianReflectedAtTheBounds() {
        var walk = new RestlessWalk(101, List.of(0.02, 0.1));
        assertEquals(1, walk.reflect(-1));
        assertEquals(99, walk.reflect(101));
        assertEquals(0, walk.reflect(0));
        assertEquals(100, walk.reflect(100));
        for (int r = 0; r < 2; r++) {
            var step = walk.stepProbabilities(r);
            int w = step.length / 2;
            assertEquals(r == 0 ? 8 : 40, w, "window of 4 sigma");
            assertEquals(step[w - 3], step[w + 3], 1e-15, "symmetric");
            for (var row : walk.transition(r)) {
                assertEquals(1, java.util.Arrays.stream(row).sum(), 1e-12);
            }
        }
        // sigma 0.02 on 101 levels is 2 grid steps: P(step 0) = Phi(1/4) - Phi(-1/4) = 0.19741, renormalised
        // over +-8 steps (which hold all but 6e-5 of the mass)
        assertEquals(0.19741, walk.stepProbabilities(0)[8], 1e-4);
        // From level 0 a step of -1 lands on 1: P(next = 1 | 0) = P(step -1) + P(step +1)
        var step = walk.stepProbabilities(0);
        assertEquals(step[7] + step[9], walk.transition(0)[0][1], 1e-15);
    }

    @Test
    void sampledStepsFollowTheTransitionMatrix() {
        var walk = new RestlessWalk(101, List.of(0.1));
        var stepper = new RestlessWalk.Stepper(walk, 0);
        var rng = new SplittableRandom(3);
        int draws = 200_000;
        for (int from : new int[] {0, 5, 50}) {
            var counts = new double[101];
            for (int i = 0; i < draws; i++) {
                counts[stepper.next(from, rng)]++;
            }
            var expected = walk.transition(0)[from];
            for (int k = 0; k < 101; k++) {
                assertEquals(expected[k], counts[k] / draws, 5 * Math.sqrt(expected[k] / draws) + 1e-4,
                        "from " + from + " to " + k);
            }
        }
    }

    @Test
    void thePathOfP1AndTheEvidenceDoNotDependOnTheArmsPulled() {
        var tasks = new TaskSet(MIXED, 5, 20);
        for (int e = 0; e < tasks.episodes(); e++) {
            var arm0 = tasks.task(e);
            var alternating = tasks.task(e);
            for (int t = 0; t < 100; t++) {
                assertArrayEquals(arm0.means(), alternating.means(), "episode " + e + " trial " + t);
                double y0 = arm0.pull(0);
                int arm = t % 2;
                double r = alternating.pull(arm);
                assertEquals(y0, arm == 0 ? r : 1 - r, "the evidence y is the same draw");
            }
        }
    }

    @Test
    void regretIsAgainstTheBetterArmAtEachTrial() {
        var task = new TaskSet(MIXED, 9, 1).task(0);
        for (int t = 0; t < 100; t++) {
            double p1 = task.means()[0];
            int arm = t % 2;
            task.pull(arm);
            double pulled = arm == 0 ? p1 : 1 - p1;
            assertEquals(Math.max(p1, 1 - p1) - pulled, task.lastRegret(), 1e-12);
        }
    }

    @Test
    void regimesAreEquallyLikelyAndP1StartsUniformOnTheGrid() {
        var tasks = new TaskSet(MIXED, 11, 20_000);
        int high = 0;
        double start = 0;
        var levels = new int[101];
        for (int e = 0; e < tasks.episodes(); e++) {
            var episode = (RestlessTwoArmed.Episode) tasks.task(e).task();
            high += episode.regime();
            start += episode.p1();
            levels[episode.level()]++;
        }
        assertEquals(0.5, high / 20_000.0, 0.015);
        assertEquals(0.5, start / 20_000, 0.01);
        assertTrue(levels[0] > 0 && levels[100] > 0, "both ends of the grid are drawn");
        assertEquals(1, Tasks.family(Tasks.RESTLESS_LOW).exactPrior().map(p -> ((ExactPrior.RestlessCoupled) p)
                .walk().regimes()).orElseThrow());
    }

    @Test
    void theHighVolatilityWalkMovesFartherThanTheLow() {
        for (var id : List.of(Tasks.RESTLESS_LOW, Tasks.RESTLESS_HIGH)) {
            var tasks = new TaskSet(Tasks.family(id), 13, 2000);
            double squared = 0;
            for (int e = 0; e < tasks.episodes(); e++) {
                var task = tasks.task(e);
                double before = task.means()[0];
                task.pull(0);
                squared += Math.pow(task.means()[0] - before, 2);
            }
            double sigma = Math.sqrt(squared / tasks.episodes());
            double wanted = id.equals(Tasks.RESTLESS_LOW) ? Tasks.RESTLESS_LOW_SIGMA : Tasks.RESTLESS_HIGH_SIGMA;
            // the bounds fold some steps back, so the step's spread is a little below sigma
            assertTrue(sigma > 0.85 * wanted && sigma < 1.05 * wanted, id + ": one step's sd " + sigma);
        }
    }

    @Test
    void theRestlessFamiliesTrainLongerWithTheEntropyAnnealedToZero() {
        for (var id : List.of(Tasks.RESTLESS, Tasks.RESTLESS_LOW, Tasks.RESTLESS_HIGH)) {
            var config = l2rl.train.TrainConfig.forTask(id);
            assertEquals(500_000, config.episodes(), id);
            assertEquals(0.0, config.get(l2rl.train.TrainConfig.BETA_E_FINAL), id);
            assertEquals(100, config.trials(), id);
        }
    }
}
