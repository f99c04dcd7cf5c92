package l2rl.baseline;

import java.util.SplittableRandom;

import l2rl.env.EpisodeHistory;

/**
 * With probability epsilon pulls a uniformly random arm, otherwise acts as {@link GreedyPolicy}.
 *
 * @param epsilon the exploration probability, in [0, 1]; {@link #DEFAULT_EPSILON} by default
 */
public record EpsilonGreedyPolicy(double epsilon) implements BanditPolicy {
    public static final double DEFAULT_EPSILON = 0.1;

    public EpsilonGreedyPolicy {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0,1], got " + epsilon);
        }
    }

    public EpsilonGreedyPolicy() {
        this(DEFAULT_EPSILON);
    }

    @Override
    public String name() {
        return "epsilon-greedy";
    }

    @Override
    public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
        if (rng.nextDouble() < epsilon) {
            return rng.nextInt(history.arms());
        }
        return GreedyPolicy.greedyArm(history, rng);
    }
}
