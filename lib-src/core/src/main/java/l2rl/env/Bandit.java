package l2rl.env;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A stationary bandit task: k arms whose reward distributions stay fixed for a whole episode, so an arm's expected
 * reward is one number, {@link #mean(int)}, at every decision.
 *
 * <p>Each arm draws its rewards from its own random stream, so the n-th pull of an arm gives the same
 * reward whichever policy pulls it: comparisons between policies on the same tasks then differ only by
 * what the policies chose (common random numbers).
 */
public interface Bandit extends Task {

    /** The true expected reward of {@code arm}. */
    double mean(int arm);

    /** The arms' means, a fresh array. */
    default double[] means() {
        var means = new double[arms()];
        for (int a = 0; a < means.length; a++) {
            means[a] = mean(a);
        }
        return means;
    }

    /** The arm with the highest mean (the lowest index among equals). */
    default int optimalArm() {
        int best = 0;
        for (int a = 1; a < arms(); a++) {
            if (mean(a) > mean(best)) {
                best = a;
            }
        }
        return best;
    }

    default double optimalMean() {
        return mean(optimalArm());
    }

    /** Expected regret of one pull of {@code arm}: mu* - mu_arm. */
    default double regret(int arm) {
        return optimalMean() - mean(arm);
    }

    /** One independent stream per arm, split off the task's generator. */
    static SplittableRandom[] armStreams(int arms, SplittableRandom rng) {
        var streams = new SplittableRandom[arms];
        Arrays.setAll(streams, a -> rng.split());
        return streams;
    }
}
