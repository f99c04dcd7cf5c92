package l2rl.baseline;

import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.AbstractRandomGenerator;

import l2rl.env.EpisodeHistory;

/**
 * Thompson sampling with a Beta(1,1) prior per arm: draw each arm's p from its posterior, pull the largest.
 *
 * <p>The posterior of arm a is Beta(1 + S_a, 1 + n_a - S_a) with S_a the sum of its rewards. For 0/1 rewards S_a is
 * the number of successes, the exact Bernoulli posterior. For other rewards in [0,1] it counts each reward r as r
 * of a success and 1 - r of a failure: the expectation of Agrawal and Goyal's trick (replace r by a Bernoulli(r)
 * draw), which a policy that sees only the history's sums can apply without keeping state. Rewards outside [0,1]
 * are not supported.
 */
public record ThompsonSamplingPolicy() implements BanditPolicy {

    @Override
    public String name() {
        return "thompson";
    }

    @Override
    public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
        var uniforms = new EpisodeStream(rng);
        var draws = new double[history.arms()];
        for (int a = 0; a < draws.length; a++) {
            double successes = history.rewardSum(a);
            double failures = history.pulls(a) - successes;
            draws[a] = new BetaDistribution(uniforms, 1 + successes, 1 + failures).sample();
        }
        return ArgMax.withRandomTies(draws, rng);
    }

    /** Lets commons-math's Beta sampler draw from the episode's policy stream, so episodes replay exactly. */
    private static final class EpisodeStream extends AbstractRandomGenerator {
        private final SplittableRandom rng;

        EpisodeStream(SplittableRandom rng) {
            this.rng = rng;
        }

        @Override
        public double nextDouble() {
            return rng.nextDouble();
        }

        @Override
        public void setSeed(long seed) {
            throw new UnsupportedOperationException("the episode's stream is seeded by its owner");
        }
    }
}
