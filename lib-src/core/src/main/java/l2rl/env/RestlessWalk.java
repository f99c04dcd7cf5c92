package l2rl.env;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.special.Erf;

/**
 * The random walk of p1 in a restless two-armed bandit (paper 3.1.4), defined on a grid so that the exact Bayesian
 * filter is a finite sum: p1 takes the values k / (levels - 1), k = 0 .. levels - 1; at trial 1 it is uniform on the
 * grid; after each trial it moves by a discretised Gaussian step of standard deviation sigma (in units of p1, so
 * sigma * (levels - 1) grid steps) and is reflected at 0 and 1. Each episode has one of several volatility regimes,
 * drawn uniformly, each with its own sigma; nothing tells the agent which.
 *
 * <p>The step j (in grid steps) has probability proportional to Phi((j + 1/2) / s) - Phi((j - 1/2) / s), s = sigma *
 * (levels - 1), for |j| up to ceil(4 s) (at least 1), renormalised over that window; a step that leaves the grid is
 * mirrored at the bound it crossed (level -1 becomes 1, level L becomes L - 2), as often as needed. Sampling and
 * {@link #transition(int)} use the same step probabilities, so the filter's model is the walk itself.
 *
 * @param levels the number of grid values of p1, at least 2
 * @param volatilities one sigma per regime, each positive; an episode's regime is uniform over them
 */
public record RestlessWalk(int levels, List<Double> volatilities) {
    public RestlessWalk {
        if (levels < 2) {
            throw new IllegalArgumentException("a walk needs at least 2 levels, got " + levels);
        }
        if (volatilities.isEmpty() || volatilities.stream().anyMatch(s -> !(s > 0 && s < 10))) {
            throw new IllegalArgumentException("volatilities must be positive, got " + volatilities);
        }
        volatilities = List.copyOf(volatilities);
    }

    /** The number of volatility regimes. */
    public int regimes() {
        return volatilities.size();
    }

    /** p1 at grid level {@code level}. */
    public double p1(int level) {
        return level / (double) (levels - 1);
    }

    /** The probability of a step of j grid steps, j = -w .. w, at index j + w (w = the window's half-width). */
    public double[] stepProbabilities(int regime) {
        double s = volatilities.get(regime) * (levels - 1);
        int w = Math.max(1, (int) Math.ceil(4 * s));
        var p = new double[2 * w + 1];
        double total = 0;
        for (int j = -w; j <= w; j++) {
            p[j + w] = phi((j + 0.5) / s) - phi((j - 0.5) / s);
            total += p[j + w];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= total;
        }
        return p;
    }

    private static double phi(double x) {
        return 0.5 * (1 + Erf.erf(x / Math.sqrt(2)));
    }

    /** Level {@code level + step} mirrored back onto the grid at whichever bound it crossed. */
    public int reflect(int level) {
        int top = levels - 1;
        while (level < 0 || level > top) {
            level = level < 0 ? -level : 2 * top - level;
        }
        return level;
    }

    /** P(next level = k' | level k) in regime {@code regime}, [levels][levels], each row summing to 1. */
    public double[][] transition(int regime) {
        var step = stepProbabilities(regime);
        int w = step.length / 2;
        var m = new double[levels][levels];
        for (int k = 0; k < levels; k++) {
            for (int j = -w; j <= w; j++) {
                m[k][reflect(k + j)] += step[j + w];
            }
        }
        return m;
    }

    /** The walk's mean volatility over its regimes (what a learner that assumes one fixed volatility may take). */
    public double meanVolatility() {
        return volatilities.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static final java.util.Map<RestlessWalk, Stepper[]> STEPPERS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The step sampler of {@code regime}, made once per walk (every episode of a family shares it). */
    Stepper stepper(int regime) {
        return STEPPERS.computeIfAbsent(this, walk -> {
            var steppers = new Stepper[walk.regimes()];
            java.util.Arrays.setAll(steppers, r -> new Stepper(walk, r));
            return steppers;
        })[regime];
    }

    /** Draws steps of one regime: one uniform draw per step, inverted through the step probabilities. */
    static final class Stepper {
        private final RestlessWalk walk;
        private final double[] cumulative;
        private final int w;

        Stepper(RestlessWalk walk, int regime) {
            this.walk = walk;
            var p = walk.stepProbabilities(regime);
            this.w = p.length / 2;
            this.cumulative = new double[p.length];
            double c = 0;
            for (int i = 0; i < p.length; i++) {
                c += p[i];
                cumulative[i] = c;
            }
        }

        int next(int level, SplittableRandom rng) {
            double u = rng.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, u);
            i = i >= 0 ? i + 1 : -i - 1;  // the first step whose cumulative probability exceeds u
            return walk.reflect(level + Math.min(i, cumulative.length - 1) - w);
        }
    }
}
