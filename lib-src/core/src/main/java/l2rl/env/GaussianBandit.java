package l2rl.env;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Arm i pays a reward drawn from N(means[i], 1). */
public final class GaussianBandit implements Bandit {
    private final double[] means;
    private final SplittableRandom[] streams;

    public GaussianBandit(double[] means, SplittableRandom rng) {
        this.means = means.clone();
        this.streams = Bandit.armStreams(means.length, rng);
    }

    @Override
    public int arms() {
        return means.length;
    }

    @Override
    public double mean(int arm) {
        return means[arm];
    }

    @Override
    public double[] expectedRewards() {
        return means;
    }

    @Override
    public GaussianBandit restart(SplittableRandom rng) {
        return new GaussianBandit(means, rng);
    }

    @Override
    public double pull(int arm) {
        return means[arm] + streams[arm].nextGaussian();
    }

    @Override
    public String toString() {
        return "GaussianBandit" + Arrays.toString(means);
    }
}
