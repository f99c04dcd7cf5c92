package l2rl.sweep;

import java.util.SplittableRandom;

/**
 * Where the sweep draws each run's learning rate and discount. The paper sampled both per run without giving
 * the ranges; these span what public reimplementations use.
 *
 * @param learningRateMin lowest learning rate; drawn log-uniformly, so each decade is equally likely
 * @param learningRateMax highest learning rate
 * @param gammaMin        lowest discount; drawn uniformly
 * @param gammaMax        highest discount
 */
public record SearchSpace(double learningRateMin, double learningRateMax, double gammaMin, double gammaMax) {
    /** lr in [1e-4, 5e-3] (PAPER.md), gamma in [0.7, 0.99] (around the 0.8-0.9 of reimplementations). */
    public static final SearchSpace PAPER = new SearchSpace(1e-4, 5e-3, 0.7, 0.99);

    public SearchSpace {
        if (!(0 < learningRateMin && learningRateMin <= learningRateMax && learningRateMax <= 1)) {
            throw new IllegalArgumentException("learning rates need 0 < min <= max <= 1, got [" + learningRateMin
                    + ", " + learningRateMax + "]");
        }
        if (!(0 <= gammaMin && gammaMin <= gammaMax && gammaMax <= 1)) {
            throw new IllegalArgumentException("discounts need 0 <= min <= max <= 1, got [" + gammaMin + ", "
                    + gammaMax + "]");
        }
    }

    /** One run's setting. */
    public record Setting(double learningRate, double gamma) {
    }

    public Setting sample(SplittableRandom rng) {
        double logLr = uniform(rng, Math.log(learningRateMin), Math.log(learningRateMax));
        return new Setting(Math.exp(logLr), uniform(rng, gammaMin, gammaMax));
    }

    private static double uniform(SplittableRandom rng, double min, double max) {
        return min + (max - min) * rng.nextDouble();
    }
}
