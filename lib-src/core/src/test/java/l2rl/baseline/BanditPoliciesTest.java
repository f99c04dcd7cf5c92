package l2rl.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import l2rl.env.EpisodeHistory;

class BanditPoliciesTest {
    private static final int DRAWS = 20_000;

    /** How often {@code policy} picks each arm from {@code history}, over many independent draws. */
    private static double[] choiceFrequencies(BanditPolicy policy, EpisodeHistory history) {
        var rng = new SplittableRandom(42);
        var counts = new double[history.arms()];
        for (int i = 0; i < DRAWS; i++) {
            counts[policy.chooseArm(history, rng)]++;
        }
        for (int a = 0; a < counts.length; a++) {
            counts[a] /= DRAWS;
        }
        return counts;
    }

    @Test
    void randomPicksArmsUniformly() {
        var frequencies = choiceFrequencies(new RandomPolicy(), Histories.of(10, new int[] {5, 0}, new int[] {0, 0},
                new int[] {0, 5}));
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, frequencies, 0.02);
    }

    @Test
    void greedyTriesUntriedArmsFirstThenExploitsWithRandomTies() {
        var greedy = new GreedyPolicy();
        var untried = choiceFrequencies(greedy, Histories.of(10, new int[] {1, 0}, new int[] {0, 0}, new int[] {0, 0}));
        assertArrayEquals(new double[] {0, 0.5, 0.5}, untried, 0.02);
        var best = choiceFrequencies(greedy, Histories.of(10, new int[] {1, 2}, new int[] {2, 1}, new int[] {0, 1}));
        assertArrayEquals(new double[] {0, 1, 0}, best, 0);
        var tied = choiceFrequencies(greedy, Histories.of(10, new int[] {2, 1}, new int[] {2, 1}, new int[] {0, 1}));
        assertArrayEquals(new double[] {0.5, 0.5, 0}, tied, 0.02);
    }

    @Test
    void epsilonGreedyExploresWithProbabilityEpsilon() {
        var history = Histories.of(10, new int[] {1, 2}, new int[] {2, 1}, new int[] {0, 1});
        assertEquals(0.1, new EpsilonGreedyPolicy().epsilon());
        // Exploring picks any arm, the best included: the best is pulled 1 - epsilon + epsilon / 3 of the time.
        assertArrayEquals(new double[] {0.1 / 3, 0.9 + 0.1 / 3, 0.1 / 3},
                choiceFrequencies(new EpsilonGreedyPolicy(), history), 0.01);
        assertArrayEquals(new double[] {0, 1, 0}, choiceFrequencies(new EpsilonGreedyPolicy(0), history), 0);
        assertThrows(IllegalArgumentException.class, () -> new EpsilonGreedyPolicy(1.5));
    }

    @Test
    void ucb1PullsEachArmOnceInOrderThenMaximisesTheUpperBound() {
        var ucb = new Ucb1Policy();
        var rng = new SplittableRandom(3);
        assertEquals(0, ucb.chooseArm(Histories.of(10, new int[] {0, 0}, new int[] {0, 0}, new int[] {0, 0}), rng));
        assertEquals(2, ucb.chooseArm(Histories.of(10, new int[] {0, 1}, new int[] {1, 0}, new int[] {0, 0}), rng));
        // t = 4: arm 0 scores 2/3 + sqrt(2 ln 4 / 3) = 1.628, arm 1 scores 0 + sqrt(2 ln 4) = 1.665.
        var history = Histories.of(10, new int[] {2, 1}, new int[] {0, 1});
        assertEquals(1, ucb.chooseArm(history, rng));
        // Half the bonus: 2/3 + 0.481 = 1.147 beats 0.833.
        assertEquals(0, new Ucb1Policy(0.5).chooseArm(history, rng));
    }

    @Test
    void thompsonPicksAnArmWithTheProbabilityThatItIsBest() {
        // P(X > Y) for X ~ Beta(2, 1), Y ~ U[0,1] is E[X] = 2/3.
        var frequencies = choiceFrequencies(new ThompsonSamplingPolicy(),
                Histories.of(10, new int[] {1, 0}, new int[] {0, 0}));
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, frequencies, 0.015);
    }

    @Test
    void thompsonCountsFractionalRewardsAsFractionalSuccesses() {
        // Arm 0 paid 0.5 once: Beta(1.5, 1.5), symmetric about 1/2 like arm 1's Beta(1, 1), so each wins half the time.
        var history = new EpisodeHistory(2, 10);
        history.record(0, 0.5);
        assertArrayEquals(new double[] {0.5, 0.5}, choiceFrequencies(new ThompsonSamplingPolicy(), history), 0.015);
    }

    @Test
    void gittinsPrefersTheHigherIndexAndSplitsTies() {
        var gittins = new GittinsPolicy(0.9);
        // Beta(2, 2) has the same mean as an untried arm's Beta(1, 1) but less left to learn.
        var bonus = choiceFrequencies(gittins, Histories.of(20, new int[] {1, 1}, new int[] {0, 0}));
        assertArrayEquals(new double[] {0, 1}, bonus, 0);
        var tied = choiceFrequencies(gittins, Histories.of(20, new int[] {1, 1}, new int[] {1, 1}));
        assertArrayEquals(new double[] {0.5, 0.5}, tied, 0.02);
        assertEquals(0.98, new GittinsPolicy().discount());
    }
}
