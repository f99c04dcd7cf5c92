package l2rl.baseline;

import java.util.SplittableRandom;

import l2rl.env.EpisodeHistory;

/**
 * Tries every arm once, then always pulls the arm with the highest empirical mean reward. Never explores on
 * purpose, so it can lock onto a worse arm after one unlucky pull.
 */
public record GreedyPolicy() implements BanditPolicy {

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
        return greedyArm(history, rng);
    }

    /** An untried arm if any (uniformly), else the best empirical mean (ties uniformly). */
    static int greedyArm(EpisodeHistory history, SplittableRandom rng) {
        int untried = ArgMax.untriedArm(history, rng);
        if (untried >= 0) {
            return untried;
        }
        var means = new double[history.arms()];
        for (int a = 0; a < means.length; a++) {
            means[a] = history.meanReward(a);
        }
        return ArgMax.withRandomTies(means, rng);
    }
}
