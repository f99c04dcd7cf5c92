package l2rl.baseline;

import java.util.ArrayList;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import l2rl.env.EpisodeHistory;

/**
 * The exact Bayes-optimal policy of the eleven-armed task (paper 3.1.3) and of its uninformative control, by
 * dynamic programming over the posterior on the target ({@link TargetPosterior}: the arms still possible, and arm
 * 11's index once seen).
 *
 * <p>With r trials left in posterior state s = (candidates C, arm 11's index k), m = |C|, the value of each arm is
 * <pre>
 *   arm a in C:        (1/m) (5 + V(C = {a}, k, r-1)) + ((m-1)/m) (1 + V(C \ {a}, k, r-1))
 *   arm a < 10 not in C:   1 + V(C, k, r-1)                       (known to pay 1; nothing learned)
 *   arm 11, informative:   (1/m) sum over j in C of ((j+1)/10 + V({j}, k, r-1))
 *   arm 11, uninformative: k/10 + V(C, k, r-1) once k is known, else (1/10) sum over k' of (k'/10 + V(C, k', r-1))
 * </pre>
 * and V(s, r) is the largest, V(s, 0) = 0. The table holds V for every state and every r up to the horizon, solved
 * backwards once per (task, horizon) and shared; the policy pulls an arm of the largest value, ties (within
 * {@link #TIE}, rounding) broken at random. On the informative task with T = 5 it pulls arm 11 and then the target:
 * V = 0.55 + 4 x 5 = 20.55, regret R_5 = 4.45.
 *
 * @param informative whether arm 11 pays the target's number / 10 (BanditElevenArmedWithIndex-v0) or an index
 *                    independent of it (BanditElevenArmedUninformative-v0)
 * @param trials the horizon T the table is solved for
 */
public record TargetBayesOptimal(boolean informative, int trials) implements BanditPolicy {
    /** The longest horizon solved: the table holds 11 x 1024 values per trial, about 90 kB. */
    public static final int MAX_TRIALS = 1000;
    static final double TIE = 1e-9;
    private static final Map<TargetBayesOptimal, double[][]> SOLVED = new ConcurrentHashMap<>();

    public TargetBayesOptimal {
        if (trials < 1 || trials > MAX_TRIALS) {
            throw new IllegalArgumentException("solved for 1 to " + MAX_TRIALS + " trials, got " + trials);
        }
    }

    @Override
    public String name() {
        return BayesOptimal.NAME;
    }

    @Override
    public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
        if (history.trials() != trials || history.arms() != 11) {
            throw new IllegalArgumentException("solved for 11 arms and " + trials + " trials, got " + history.arms()
                    + " arms and " + history.trials() + " trials");
        }
        var values = armValues(TargetPosterior.of(history, informative), history.remaining());
        double best = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            best = Math.max(best, v);
        }
        var optimal = new ArrayList<Integer>();
        for (int arm = 0; arm < values.length; arm++) {
            if (values[arm] >= best - TIE) {
                optimal.add(arm);
            }
        }
        return optimal.get(rng.nextInt(optimal.size()));
    }

    /** The expected total reward of the remaining {@code remaining} trials under this policy, from {@code state}. */
    double value(TargetPosterior state, int remaining) {
        return table()[remaining][index(state.candidates(), state.armElevenIndex())];
    }

    /** The expected total reward of the whole episode: T x 5 minus the policy's expected regret R_T. */
    public double episodeValue() {
        return value(TargetPosterior.prior(), trials);
    }

    /** The value of pulling each arm in {@code state} with {@code remaining} trials left, then acting optimally. */
    double[] armValues(TargetPosterior state, int remaining) {
        return armValues(table()[remaining - 1], state.candidates(), state.armElevenIndex());
    }

    private double[] armValues(double[] next, int candidates, int k) {
        int m = Integer.bitCount(candidates);
        var values = new double[11];
        for (int a = 0; a < 10; a++) {
            int bit = 1 << a;
            if ((candidates & bit) == 0) {
                values[a] = 1 + next[index(candidates, k)];
            } else if (m == 1) {
                values[a] = 5 + next[index(candidates, k)];
            } else {
                values[a] = (5 + next[index(bit, k)]) / m + (m - 1.0) / m * (1 + next[index(candidates & ~bit, k)]);
            }
        }
        if (informative) {
            double sum = 0;
            for (int j = 0; j < 10; j++) {
                if ((candidates & (1 << j)) != 0) {
                    sum += (j + 1) / 10.0 + next[index(1 << j, k)];
                }
            }
            values[10] = sum / m;
        } else if (k > 0) {
            values[10] = k / 10.0 + next[index(candidates, k)];
        } else {
            double sum = 0;
            for (int seen = 1; seen <= 10; seen++) {
                sum += seen / 10.0 + next[index(candidates, seen)];
            }
            values[10] = sum / 10;
        }
        return values;
    }

    /** V[r][state] for r = 0..T, over every non-empty candidate set and arm-11 index 0..10. */
    private double[][] table() {
        return SOLVED.computeIfAbsent(this, key -> solve());
    }

    private double[][] solve() {
        var v = new double[trials + 1][index(TargetPosterior.ALL, 10) + 1];
        for (int r = 1; r <= trials; r++) {
            for (int candidates = 1; candidates <= TargetPosterior.ALL; candidates++) {
                for (int k = 0; k <= 10; k++) {
                    double best = Double.NEGATIVE_INFINITY;
                    for (double q : armValues(v[r - 1], candidates, k)) {
                        best = Math.max(best, q);
                    }
                    v[r][index(candidates, k)] = best;
                }
            }
        }
        return v;
    }

    private static int index(int candidates, int k) {
        return candidates * 11 + k;
    }
}
