package l2rl.env;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Arm i pays {@code payoffs[i]} with probability {@code probabilities[i]}, else 0. */
public final class BernoulliBandit implements Bandit {
    private final double[] probabilities;
    private final double[] payoffs;
    private final double[] means;  // p_i * r_i, computed once: expectedRewards() hands out this array
    private final SplittableRandom[] streams;

    public BernoulliBandit(double[] probabilities, double[] payoffs, SplittableRandom rng) {
        if (probabilities.length != payoffs.length || probabilities.length < 1) {
            throw new IllegalArgumentException("need one payoff per arm and at least one arm");
        }
        for (double p : probabilities) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability outside [0,1]: " + p);
            }
        }
        this.probabilities = probabilities.clone();
        this.payoffs = payoffs.clone();
        this.means = new double[probabilities.length];
        Arrays.setAll(means, a -> probabilities[a] * payoffs[a]);
        this.streams = Bandit.armStreams(probabilities.length, rng);
    }

    /** A bandit whose arms pay 1 with the given probabilities. */
    public static BernoulliBandit ofProbabilities(double[] probabilities, SplittableRandom rng) {
        var ones = new double[probabilities.length];
        Arrays.fill(ones, 1.0);
        return new BernoulliBandit(probabilities, ones, rng);
    }

    public double probability(int arm) {
        return probabilities[arm];
    }

    public double payoff(int arm) {
        return payoffs[arm];
    }

    @Override
    public int arms() {
        return probabilities.length;
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
    public BernoulliBandit restart(SplittableRandom rng) {
        return new BernoulliBandit(probabilities, payoffs, rng);
    }

    @Override
    public double pull(int arm) {
        return streams[arm].nextDouble() < probabilities[arm] ? payoffs[arm] : 0.0;
    }

    @Override
    public String toString() {
        return "BernoulliBandit" + Arrays.toString(probabilities);
    }
}
