package l2rl.analysis;

/**
 * What a Bayesian knows after a history of a two-armed Bernoulli episode, and what the exact Bayes-optimal policy
 * makes of it. Arms are numbered 0 and 1 as everywhere in the library (the paper's arms 1 and 2).
 *
 * @param s0        successes on arm 0 so far
 * @param f0        failures on arm 0
 * @param s1        successes on arm 1
 * @param f1        failures on arm 1
 * @param mean0     posterior mean of arm 0's success probability
 * @param mean1     posterior mean of arm 1's success probability
 * @param arm0Better posterior probability that arm 0 is the better arm (p0 > p1)
 * @param q0        exact expected future reward (to the episode's end) of pulling arm 0 now, then acting
 *                  Bayes-optimally
 * @param q1        the same for arm 1
 */
public record PosteriorState(int s0, int f0, int s1, int f1, double mean0, double mean1, double arm0Better,
        double q0, double q1) {
    /** Value differences below this are rounding: the two arms are equally good. */
    public static final double TIE = 1e-9;

    /** Trials played so far. */
    public int pulls() {
        return s0 + f0 + s1 + f1;
    }

    /** The Bayes-optimal arm; a tie goes to arm 0, as in {@code l2rl.baseline.BayesOptimal}. */
    public int optimalArm() {
        return q1 > q0 + TIE ? 1 : 0;
    }

    /** True when both arms are optimal (e.g. before the first pull). */
    public boolean tie() {
        return Math.abs(q0 - q1) <= TIE;
    }

    /** V: the exact expected future reward of the Bayes-optimal policy from here. */
    public double value() {
        return Math.max(q0, q1);
    }

    /** How much expected future reward the wrong arm costs: |Q(0) - Q(1)| (0 at a tie). */
    public double advantage() {
        return Math.abs(q0 - q1);
    }

    /** Q(0) - Q(1): the signed advantage of arm 0. */
    public double advantage0() {
        return q0 - q1;
    }
}
