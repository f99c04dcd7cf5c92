package l2rl.baseline;

import java.util.SplittableRandom;

import l2rl.env.EpisodeHistory;

/**
 * UCB1 in the form of the PymaBandits toolbox the paper used: pull each arm once in index order, then the arm
 * maximising {@code mean_a + c * sqrt(2 ln t / n_a)}, with t the number of pulls so far and n_a those of arm a.
 *
 * @param c the weight of the exploration bonus; {@link #DEFAULT_C} (plain UCB1) by default
 */
public record Ucb1Policy(double c) implements BanditPolicy {
    public static final double DEFAULT_C = 1.0;

    public Ucb1Policy {
        if (!(c >= 0 && Double.isFinite(c))) {
            throw new IllegalArgumentException("exploration weight c must be finite and >= 0, got " + c);
        }
    }

    public Ucb1Policy() {
        this(DEFAULT_C);
    }

    @Override
    public String name() {
        return "ucb1";
    }

    @Override
    public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
        for (int a = 0; a < history.arms(); a++) {
            if (history.pulls(a) == 0) {
                return a;
            }
        }
        double logT = Math.log(history.trial());
        var upperBounds = new double[history.arms()];
        for (int a = 0; a < upperBounds.length; a++) {
            upperBounds[a] = history.meanReward(a) + c * Math.sqrt(2 * logT / history.pulls(a));
        }
        return ArgMax.withRandomTies(upperBounds, rng);
    }
}
