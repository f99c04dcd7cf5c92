package l2rl.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;

import l2rl.train.TrainConfig;

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
        var lr = TrainConfig.LEARNING_RATE.range();
        if (!(lr.contains(learningRateMin) && learningRateMin <= learningRateMax && lr.contains(learningRateMax))) {
            throw new IllegalArgumentException("learning rates need " + lr.around("min <= max") + ", got ["
                    + learningRateMin + ", " + learningRateMax + "]");
        }
        var gamma = TrainConfig.GAMMA.range();
        if (!(gamma.contains(gammaMin) && gammaMin <= gammaMax && gamma.contains(gammaMax))) {
            throw new IllegalArgumentException("discounts need " + gamma.around("min <= max") + ", got [" + gammaMin
                    + ", " + gammaMax + "]");
        }
    }

    /** One run's setting. */
    public record Setting(double learningRate, double gamma) {
    }

    public Setting sample(SplittableRandom rng) {
        double logLr = uniform(rng, Math.log(learningRateMin), Math.log(learningRateMax));
        return new Setting(Math.exp(logLr), uniform(rng, gammaMin, gammaMax));
    }

    /** How sweep.properties records the space (part of a sweep's identity); {@link #of(Properties)} reads it back. */
    public Map<String, String> identity() {
        var id = new LinkedHashMap<String, String>();
        id.put(LEARNING_RATE_KEY, "log-uniform [" + learningRateMin + ", " + learningRateMax + "]");
        id.put(GAMMA_KEY, "uniform [" + gammaMin + ", " + gammaMax + "]");
        return id;
    }

    /** The space a sweep.properties records; a missing or malformed range is an IllegalArgumentException. */
    public static SearchSpace of(Properties identity) {
        double[] lr = bounds(identity, LEARNING_RATE_KEY);
        double[] gamma = bounds(identity, GAMMA_KEY);
        return new SearchSpace(lr[0], lr[1], gamma[0], gamma[1]);
    }

    private static final String LEARNING_RATE_KEY = "sweep.learningRate";
    private static final String GAMMA_KEY = "sweep.gamma";

    private static double[] bounds(Properties identity, String key) {
        var value = identity.getProperty(key, "");
        int open = value.indexOf('[');
        int close = value.indexOf(']');
        var parts = open < 0 || close < open ? new String[0] : value.substring(open + 1, close).split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException(key + " is '" + value + "', expected a range [MIN, MAX]");
        }
        return new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())};
    }

    private static double uniform(SplittableRandom rng, double min, double max) {
        return min + (max - min) * rng.nextDouble();
    }
}
