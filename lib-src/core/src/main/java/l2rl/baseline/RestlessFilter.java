package l2rl.baseline;

import java.util.List;
import java.util.SplittableRandom;

import l2rl.env.EpisodeHistory;
import l2rl.env.RestlessWalk;

/**
 * The exact Bayesian filter of a restless coupled bandit (p2 = 1 - p1, p1 walking on a grid): the posterior over
 * (regime, level of p1) at the current trial, given the evidence so far.
 *
 * <p>The evidence of trial s is y_s = r_s if arm 1 was pulled and 1 - r_s if arm 2 was, Bernoulli(p1 at s) either
 * way. One trial of filtering: weigh each level k by P(y | p1 = k / (L - 1)), renormalise, then push each regime's
 * belief through that regime's walk, b'(r, k') = sum_k b(r, k) T_r(k, k'). The regime is never observed, so its
 * posterior is the sum of its row. Before any evidence the belief is uniform over levels and regimes, as the walk
 * starts.
 */
public final class RestlessFilter {
    private final RestlessWalk walk;
    private final double[][][] transition;  // [R][L][L] the walk's step matrix per regime, shared between filters
    private final double[][] belief;        // [R][L] P(regime r, level k at the current trial | evidence so far)
    private final double[] next;            // [L] scratch for one regime's pushed belief
    private int trials;

    /** The filter of {@code walk}, its regimes uniform a priori. */
    public RestlessFilter(RestlessWalk walk) {
        this(walk, transitions(walk));
    }

    private RestlessFilter(RestlessWalk walk, double[][][] transition) {
        this.walk = walk;
        this.transition = transition;
        this.belief = new double[walk.regimes()][walk.levels()];
        this.next = new double[walk.levels()];
        double start = 1.0 / (walk.regimes() * walk.levels());
        for (var row : belief) {
            java.util.Arrays.fill(row, start);
        }
    }

    /** A fresh filter of the same walk (sharing its step matrices). */
    public RestlessFilter fresh() {
        return new RestlessFilter(walk, transition);
    }

    /** The filter of a learner that knows the walk but assumes one fixed volatility {@code sigma}. */
    public static RestlessFilter assumingVolatility(RestlessWalk walk, double sigma) {
        return new RestlessFilter(new RestlessWalk(walk.levels(), List.of(sigma)));
    }

    private static double[][][] transitions(RestlessWalk walk) {
        var t = new double[walk.regimes()][][];
        for (int r = 0; r < t.length; r++) {
            t[r] = walk.transition(r);
        }
        return t;
    }

    public RestlessWalk walk() {
        return walk;
    }

    /** Trials of evidence taken in so far. */
    public int trials() {
        return trials;
    }

    /** Takes in one trial's evidence y (1: arm 1 paid or arm 2 did not) and moves the belief to the next trial. */
    public void observe(int y) {
        int levels = walk.levels();
        double total = 0;
        for (var row : belief) {
            for (int k = 0; k < levels; k++) {
                double p1 = walk.p1(k);
                row[k] *= y == 1 ? p1 : 1 - p1;
                total += row[k];
            }
        }
        for (int r = 0; r < belief.length; r++) {
            java.util.Arrays.fill(next, 0);
            var row = belief[r];
            for (int k = 0; k < levels; k++) {
                double b = row[k] / total;
                if (b == 0) {
                    continue;
                }
                var step = transition[r][k];
                for (int j = 0; j < levels; j++) {
                    next[j] += b * step[j];
                }
            }
            System.arraycopy(next, 0, row, 0, levels);
        }
        trials++;
    }

    /** The evidence y of trial {@code t} of {@code history}: Bernoulli(p1) whichever arm was pulled. */
    public static int evidence(EpisodeHistory history, int t) {
        int reward = history.reward(t) > 0 ? 1 : 0;
        return history.arm(t) == 0 ? reward : 1 - reward;
    }

    /** E[p1 at the current trial | evidence]: the filtered posterior pushed through the walk, boundary included. */
    public double predictiveMean() {
        double mean = 0;
        for (var row : belief) {
            for (int k = 0; k < row.length; k++) {
                mean += row[k] * walk.p1(k);
            }
        }
        return mean;
    }

    /** P(regime r | evidence). */
    public double regimeProbability(int regime) {
        double sum = 0;
        for (double b : belief[regime]) {
            sum += b;
        }
        return sum;
    }

    /** P(level k at the current trial | evidence), summed over regimes: a fresh array. */
    public double[] levelProbabilities() {
        var p = new double[walk.levels()];
        for (var row : belief) {
            for (int k = 0; k < p.length; k++) {
                p[k] += row[k];
            }
        }
        return p;
    }

    /** A draw of p1 at the current trial from the posterior, with one uniform draw of {@code rng}. */
    public double sampleP1(SplittableRandom rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        for (var row : belief) {
            for (int k = 0; k < row.length; k++) {
                cumulative += row[k];
                if (u < cumulative) {
                    return walk.p1(k);
                }
            }
        }
        return 1.0;  // u beyond a sum that rounding left just below 1
    }
}
