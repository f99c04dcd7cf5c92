package l2rl.baseline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exact Bayes-optimal policy for two independent Bernoulli arms with p1, p2 ~ U[0,1] and a horizon of T trials,
 * found by backward induction over the posterior states (s1, f1, s2, f2), s1 + f1 + s2 + f2 <= T.
 *
 * <p>There are about T^4 / 24 states (70 million for T = 200), so no value is stored per state: the induction
 * runs layer by layer (layer n holds the states after n pulls) keeping two layers of values, and remembers only the
 * optimal arm of each state, one bit in a bitset indexed by a closed-form rank. Ties go to arm 0; value differences
 * below {@link #TIE} are rounding and count as ties.
 */
public final class BayesOptimalIndependent {
    /** E[max(p1, p2)] for two independent U[0,1] probabilities: the expected reward per trial of an oracle. */
    public static final double ORACLE_MEAN = 2.0 / 3.0;
    static final double TIE = 1e-12;
    private static final Map<Integer, BayesOptimalIndependent> SOLVED = new ConcurrentHashMap<>();

    private final int trials;
    private final double expectedReward;
    /** Bit set: the state's optimal arm is arm 1 (the second arm). */
    private final long[] pullsSecondArm;

    private BayesOptimalIndependent(int trials, double expectedReward, long[] pullsSecondArm) {
        this.trials = trials;
        this.expectedReward = expectedReward;
        this.pullsSecondArm = pullsSecondArm;
    }

    /** The solution for horizon {@code trials}, computed once per JVM and shared by all threads. */
    public static BayesOptimalIndependent solve(int trials) {
        return SOLVED.computeIfAbsent(trials, BayesOptimalIndependent::solveUncached);
    }

    /** Solves for horizon {@code trials} from scratch, bypassing the cache (for benchmarks). */
    public static BayesOptimalIndependent solveUncached(int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("need at least one trial, got " + trials);
        }
        var pullsSecondArm = new long[(int) ((statesBefore(trials) + 63) / 64)];
        // next holds the layer after the current one; layer T is worth nothing more.
        var next = new double[layerSize(trials)];
        var current = new double[layerSize(trials)];
        for (int n = trials - 1; n >= 0; n--) {
            long layerStart = statesBefore(n);
            for (int u = 0; u <= n; u++) {
                int m = n - u;
                // Successor rows in layer n + 1: one more pull of arm 0 keeps m; one more of arm 1 widens the row.
                long firstArmBase = rowStart(n + 1, u + 1);
                long secondArmBase = rowStart(n + 1, u);
                int rank = (int) rowStart(n, u);
                for (int s1 = 0; s1 <= u; s1++) {
                    double mean1 = (s1 + 1.0) / (u + 2.0);
                    int afterFirst = (int) (firstArmBase + (long) s1 * (m + 1));
                    int afterSecond = (int) (secondArmBase + (long) s1 * (m + 2));
                    for (int s2 = 0; s2 <= m; s2++, rank++) {
                        double mean2 = (s2 + 1.0) / (m + 2.0);
                        double first = mean1 * (1 + next[afterFirst + (m + 1) + s2])
                                + (1 - mean1) * next[afterFirst + s2];
                        double second = mean2 * (1 + next[afterSecond + s2 + 1])
                                + (1 - mean2) * next[afterSecond + s2];
                        if (second > first + TIE) {
                            current[rank] = second;
                            long bit = layerStart + rank;
                            pullsSecondArm[(int) (bit >>> 6)] |= 1L << bit;
                        } else {
                            current[rank] = first;
                        }
                    }
                }
            }
            var swap = next;
            next = current;
            current = swap;
        }
        return new BayesOptimalIndependent(trials, next[0], pullsSecondArm);
    }

    /** T, the horizon solved for. */
    public int trials() {
        return trials;
    }

    /** V0: the expected total reward of the Bayes-optimal policy over T trials. */
    public double expectedReward() {
        return expectedReward;
    }

    /** The Bayes-optimal expected regret, T * E[max(p1, p2)] - V0: the lower bound for any policy. */
    public double expectedRegret() {
        return trials * ORACLE_MEAN - expectedReward;
    }

    /** The optimal arm (0 or 1) after s1 successes and f1 failures on arm 0, s2 and f2 on arm 1. */
    public int arm(int s1, int f1, int s2, int f2) {
        if (s1 < 0 || f1 < 0 || s2 < 0 || f2 < 0) {
            throw new IllegalArgumentException("counts must be non-negative");
        }
        int n = s1 + f1 + s2 + f2;
        if (n >= trials) {
            throw new IllegalArgumentException(n + " pulls leave no trial in a horizon of " + trials);
        }
        long bit = statesBefore(n) + rowStart(n, s1 + f1) + (long) s1 * (n - s1 - f1 + 1) + s2;
        return (pullsSecondArm[(int) (bit >>> 6)] >>> bit & 1L) == 0 ? 0 : 1;
    }

    /**
     * The exact values of every posterior state for horizon {@code trials}, rewards discounted by {@code gamma} per
     * trial (1: the undiscounted problem {@link #solve} solves). Unlike {@link #solve} it stores one value per
     * state (C(T + 3, 4) doubles: 35 MB for T = 100), for analyses that need the values, not only the choices.
     */
    public static Values values(int trials, double gamma) {
        if (trials < 1) {
            throw new IllegalArgumentException("need at least one trial, got " + trials);
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("discount outside [0, 1]: " + gamma);
        }
        var v = new double[(int) statesBefore(trials)];
        var values = new Values(trials, gamma, v);
        // Backward induction, layer n (n pulls done) from layer n + 1; layer T is worth nothing more.
        for (int n = trials - 1; n >= 0; n--) {
            long start = statesBefore(n);
            for (int u = 0; u <= n; u++) {
                for (int s1 = 0; s1 <= u; s1++) {
                    for (int s2 = 0; s2 <= n - u; s2++) {
                        int f1 = u - s1;
                        int f2 = n - u - s2;
                        v[(int) (start + rank(n, s1, f1, s2))] = Math.max(values.q(0, s1, f1, s2, f2),
                                values.q(1, s1, f1, s2, f2));
                    }
                }
            }
        }
        return values;
    }

    /**
     * The optimal expected (discounted) future reward V(s1, f1, s2, f2) of every state with fewer than T pulls,
     * and Q(arm | state): pull {@code arm} now, act optimally after.
     */
    public static final class Values {
        private final int trials;
        private final double gamma;
        private final double[] v;  // [C(T + 3, 4)] V of the states before trial T, layer by layer, rank order

        private Values(int trials, double gamma, double[] v) {
            this.trials = trials;
            this.gamma = gamma;
            this.v = v;
        }

        public int trials() {
            return trials;
        }

        public double gamma() {
            return gamma;
        }

        /** V: the expected future reward of the optimal policy from these counts (0 when no trial is left). */
        public double value(int s1, int f1, int s2, int f2) {
            int n = s1 + f1 + s2 + f2;
            if (n > trials || s1 < 0 || f1 < 0 || s2 < 0 || f2 < 0) {
                throw new IllegalArgumentException("no state (" + s1 + ", " + f1 + ", " + s2 + ", " + f2 + ") in a horizon of " + trials);
            }
            return n == trials ? 0 : v[(int) (statesBefore(n) + rank(n, s1, f1, s2))];
        }

        /** Q = p (1 + gamma V(success)) + (1 - p) gamma V(failure), p the arm's posterior mean (s + 1) / (s + f + 2). */
        public double q(int arm, int s1, int f1, int s2, int f2) {
            if (s1 + f1 + s2 + f2 >= trials) {
                throw new IllegalArgumentException((s1 + f1 + s2 + f2) + " pulls leave no trial in a horizon of " + trials);
            }
            if (arm == 0) {
                double p = (s1 + 1.0) / (s1 + f1 + 2.0);
                return p * (1 + gamma * value(s1 + 1, f1, s2, f2)) + (1 - p) * gamma * value(s1, f1 + 1, s2, f2);
            }
            double p = (s2 + 1.0) / (s2 + f2 + 2.0);
            return p * (1 + gamma * value(s1, f1, s2 + 1, f2)) + (1 - p) * gamma * value(s1, f1, s2, f2 + 1);
        }
    }

    /** The rank of state (s1, f1, s2, .) within layer n (see {@link #rowStart}). */
    private static int rank(int n, int s1, int f1, int s2) {
        return (int) (rowStart(n, s1 + f1) + (long) s1 * (n - s1 - f1 + 1) + s2);
    }

    /**
     * Layer n is ordered by u = s1 + f1 (pulls of arm 0), then s1, then s2; a row u holds (u + 1)(n - u + 1)
     * states. The rank of row u's first state is sum_{j=1..u} j (n + 2 - j).
     */
    private static long rowStart(int n, int u) {
        long v = u;
        return (n + 2) * v * (v + 1) / 2 - v * (v + 1) * (2 * v + 1) / 6;
    }

    /** States in layer n: C(n + 3, 3). */
    private static int layerSize(int n) {
        return (int) ((long) (n + 1) * (n + 2) * (n + 3) / 6);
    }

    /** States in layers 0..n-1: C(n + 3, 4). */
    private static long statesBefore(int n) {
        long v = n;
        return v * (v + 1) * (v + 2) * (v + 3) / 24;
    }
}
