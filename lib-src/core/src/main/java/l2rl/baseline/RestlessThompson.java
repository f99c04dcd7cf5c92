package l2rl.baseline;

import java.util.SplittableRandom;

import l2rl.env.EpisodeHistory;
import l2rl.env.RestlessWalk;

/**
 * Thompson sampling for a restless coupled bandit, as the paper's baseline: its posterior knows the random walk
 * (grid, start, boundary) but assumes one fixed volatility, the mean of the walk's regimes ({@code sigma}); it draws
 * p1 from that posterior at each trial and pulls the arm the draw says is better (a draw of exactly 1/2 is a tie,
 * broken at random).
 */
final class RestlessThompson extends FilterPolicy {
    private final double sigma;

    RestlessThompson(RestlessWalk walk) {
        this(walk, walk.meanVolatility());
    }

    RestlessThompson(RestlessWalk walk, double sigma) {
        super(RestlessFilter.assumingVolatility(walk, sigma));
        this.sigma = sigma;
    }

    /** The one volatility its posterior assumes. */
    double sigma() {
        return sigma;
    }

    @Override
    public String name() {
        return "thompson";
    }

    @Override
    public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
        double p1 = filter(history).sampleP1(rng);
        return ArgMax.withRandomTies(new double[] {p1, 1 - p1}, rng);
    }
}
