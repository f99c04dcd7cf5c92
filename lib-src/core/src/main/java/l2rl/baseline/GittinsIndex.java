package l2rl.baseline;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Gittins indices of a Bernoulli arm with a Beta(a, b) posterior, under discount gamma.
 *
 * <p>The index of a state is the reward lambda of a safe arm that makes us indifferent between retiring to the safe
 * arm for ever and pulling the risky arm at least once more (calibration). For a given lambda a dynamic program over
 * the arm's future posteriors (a + i, b + j) gives the value of playing on optimally; it is truncated at a depth
 * where the posterior is so concentrated, and gamma^depth so small, that valuing the state as
 * max(lambda, posterior mean) / (1 - gamma), i.e. no further learning, changes the index by less than
 * {@link #ACCURACY}.
 *
 * <p>The advantage of playing on, f(lambda) = Q(lambda) - lambda / (1 - gamma), is convex in lambda (a maximum of
 * functions linear in lambda) with slope at most -1, so Newton's method started at the posterior mean, where f is
 * non-negative, climbs monotonically to the root: a few dynamic programs per state instead of bisection's thirty.
 *
 * <p>One table per discount is shared by every thread; rows (a + b = n) are computed on first need.
 */
public final class GittinsIndex {
    public static final double DEFAULT_DISCOUNT = 0.98;
    /** Bound on the index error caused by truncating the dynamic program, and the Newton stopping step. */
    public static final double ACCURACY = 1e-6;
    private static final int MAX_NEWTON_STEPS = 100;
    private static final Map<Double, GittinsIndex> TABLES = new ConcurrentHashMap<>();

    private final double discount;
    /** rows[n][a] is the index of Beta(a, n - a); a new array is published whenever rows are added. */
    private volatile double[][] rows = new double[0][];

    private GittinsIndex(double discount) {
        this.discount = discount;
    }

    /** The shared table for {@code discount}, in (0, 1). */
    public static GittinsIndex forDiscount(double discount) {
        if (!(discount > 0 && discount < 1)) {
            throw new IllegalArgumentException("discount must be in (0,1), got " + discount);
        }
        return TABLES.computeIfAbsent(discount, GittinsIndex::new);
    }

    public double discount() {
        return discount;
    }

    /** The Gittins index of an arm whose success probability has posterior Beta(a, b), a and b at least 1. */
    public double index(int a, int b) {
        if (a < 1 || b < 1) {
            throw new IllegalArgumentException("Beta parameters must be at least 1, got a=" + a + ", b=" + b);
        }
        int n = a + b;
        var table = rows;
        if (n >= table.length) {
            table = computeRowsUpTo(n);
        }
        return table[n][a];
    }

    /** Computes all indices with a + b <= {@code maxSum} now, e.g. before timing or parallel use. */
    public void precompute(int maxSum) {
        if (maxSum >= rows.length) {
            computeRowsUpTo(maxSum);
        }
    }

    private synchronized double[][] computeRowsUpTo(int maxSum) {
        var old = rows;
        if (maxSum < old.length) {
            return old;
        }
        var grown = Arrays.copyOf(old, maxSum + 1);
        for (int n = Math.max(old.length, 2); n <= maxSum; n++) {
            var previous = grown[n - 1];
            var row = new double[n];
            int sum = n;
            // The states of a row are independent of each other: spread them over the cores.
            IntStream.range(1, n).parallel().forEach(a -> {
                // The index rises with successes: GI(a - 1, b), one row up, is a lower bound to start Newton from.
                double lowerBound = a > 1 ? previous[a - 1] : 0;
                row[a] = calibrate(a, sum - a, lowerBound);
            });
            grown[n] = row;
        }
        rows = grown;
        return grown;
    }

    /** The safe reward at which playing on from Beta(a, b) and retiring are equally good. */
    private double calibrate(int a, int b, double lowerBound) {
        int depth = truncationDepth(a + b);
        double lambda = Math.max(lowerBound, (double) a / (a + b));
        for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
            var advantage = advantageOfPlayingOn(a, b, lambda, depth);
            double newtonStep = -advantage.value() / advantage.slope();
            lambda = Math.min(1.0, lambda + newtonStep);
            if (newtonStep < ACCURACY) {
                break;
            }
        }
        return lambda;
    }

    /**
     * The smallest depth at which the terminal approximation's error is below {@link #ACCURACY}. Knowing p exactly
     * would be worth at most E[(p - mean)^+] / (1 - gamma) more than the approximation, and E[(p - mean)^+] is half
     * the mean absolute deviation, at most 1 / (4 sqrt(n + depth + 1)) for a Beta posterior with a + b = n + depth;
     * discounting multiplies it by gamma^depth. The slope of f is at most -1, so the index moves no more than f.
     */
    private int truncationDepth(int n) {
        int depth = 1;
        while (Math.pow(discount, depth) * 0.25 / Math.sqrt(n + depth + 1) / (1 - discount) > ACCURACY) {
            depth++;
        }
        return depth;
    }

    private record Advantage(double value, double slope) {
    }

    /** f(lambda) and its slope, by backward induction over the depth layers of future posteriors. */
    private Advantage advantageOfPlayingOn(int a, int b, double lambda, int depth) {
        double retire = lambda / (1 - discount);
        double retireSlope = 1 / (1 - discount);
        // value[i] and slope[i]: the state with i more successes in the current layer (d more pulls).
        var value = new double[depth + 1];
        var slope = new double[depth + 1];
        // Retiring is optimal exactly for the states of a layer with fewest successes: i < firstPlayOn.
        int firstPlayOn = depth + 1;
        for (int i = depth; i >= 0; i--) {
            double mean = (double) (a + i) / (a + b + depth);
            if (lambda >= mean) {
                value[i] = retire;
                slope[i] = retireSlope;
            } else {
                value[i] = mean / (1 - discount);
                firstPlayOn = i;
            }
        }
        for (int d = depth - 1; d >= 1; d--) {
            double perPull = 1.0 / (a + b + d);
            // Below firstPlayOn - 1 both successors retire, so these states' means are below lambda and they
            // retire too: their entries already hold the retirement value, which saves most of the work.
            int from = Math.max(0, firstPlayOn - 1);
            firstPlayOn = d + 1;
            for (int i = from; i <= d; i++) {
                double mean = (a + i) * perPull;
                // Ascending i reads value[i + 1] before it is overwritten: the success successor.
                double playOn = mean + discount * (mean * value[i + 1] + (1 - mean) * value[i]);
                if (retire >= playOn) {
                    value[i] = retire;
                    slope[i] = retireSlope;
                } else {
                    value[i] = playOn;
                    slope[i] = discount * (mean * slope[i + 1] + (1 - mean) * slope[i]);
                    firstPlayOn = Math.min(firstPlayOn, i);
                }
            }
        }
        double mean = (double) a / (a + b);
        double playOn = mean + discount * (mean * value[1] + (1 - mean) * value[0]);
        double playOnSlope = discount * (mean * slope[1] + (1 - mean) * slope[0]);
        return new Advantage(playOn - retire, playOnSlope - retireSlope);
    }
}
