package l2rl.baseline;

import java.util.SplittableRandom;

import l2rl.env.EpisodeHistory;

/**
 * UCB as the paper's restless-bandit baseline (3.1.4) writes it: pull each arm once, then the arm maximising
 * {@code mean_i + sqrt(chi ln n / n_i)}, with n the pulls so far, n_i those of arm i and mean_i its mean reward
 * over the whole episode. It assumes fixed means; the paper compares with it on drifting ones all the same.
 *
 * @param chi the exploration weight; the paper's 1 by default
 */
public record UcbPolicy(double chi) implements BanditPolicy {
    public static final double PAPER_CHI = 1.0;

    public UcbPolicy {
        if (!(chi >= 0 && Double.isFinite(chi))) {
            throw new IllegalArgumentException("exploration weight chi must be finite and >= 0, got " + chi);
        }
    }

    public UcbPolicy() {
        this(PAPER_CHI);
    }

    @Override
    public String name() {
        return "ucb";
    }

    @Override
    public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
        int untried = ArgMax.untriedArm(history, rng);
        if (untried >= 0) {
            return untried;
        }
        double logN = Math.log(history.trial());
        var upperBounds = new double[history.arms()];
        for (int a = 0; a < upperBounds.length; a++) {
            upperBounds[a] = history.meanReward(a) + Math.sqrt(chi * logN / history.pulls(a));
        }
        return ArgMax.withRandomTies(upperBounds, rng);
    }
}
