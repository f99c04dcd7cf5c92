package l2rl.baseline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Exact dynamic programming for two-armed Bernoulli bandits, written plainly for tests: a recursion over the
 * counts (s1, f1, s2, f2) with no tables and no shortcuts, independent of the code under test.
 */
public final class TwoArmedDp {

    /** P(the next pull of {@code arm} pays 1 | the counts so far), under the task family's prior. */
    public interface Predictive {
        double success(int arm, int s1, int f1, int s2, int f2);
    }

    private TwoArmedDp() {
    }

    /** The best expected total reward over the {@code remaining} trials. */
    public static double optimalValue(Predictive predictive, int remaining, int s1, int f1, int s2, int f2) {
        if (remaining == 0) {
            return 0;
        }
        double first = pullValue(predictive, 0, remaining, s1, f1, s2, f2);
        double second = pullValue(predictive, 1, remaining, s1, f1, s2, f2);
        return Math.max(first, second);
    }

    /** The expected total reward of {@code policy} over {@code trials} trials from no evidence. */
    public static double policyValue(Predictive predictive, BanditPolicy policy, int trials) {
        return policyValue(predictive, policy, trials, trials, 0, 0, 0, 0);
    }

    private static double policyValue(Predictive predictive, BanditPolicy policy, int trials, int remaining,
            int s1, int f1, int s2, int f2) {
        if (remaining == 0) {
            return 0;
        }
        int arm = policy.chooseArm(Histories.of(trials, new int[] {s1, f1}, new int[] {s2, f2}),
                new SplittableRandom(0));
        double p = predictive.success(arm, s1, f1, s2, f2);
        double success = arm == 0
                ? policyValue(predictive, policy, trials, remaining - 1, s1 + 1, f1, s2, f2)
                : policyValue(predictive, policy, trials, remaining - 1, s1, f1, s2 + 1, f2);
        double failure = arm == 0
                ? policyValue(predictive, policy, trials, remaining - 1, s1, f1 + 1, s2, f2)
                : policyValue(predictive, policy, trials, remaining - 1, s1, f1, s2, f2 + 1);
        return p * (1 + success) + (1 - p) * failure;
    }

    /** The expected total reward over the {@code remaining} trials of pulling {@code arm} now, then acting optimally. */
    public static double pullValue(Predictive predictive, int arm, int remaining, int s1, int f1, int s2, int f2) {
        double p = predictive.success(arm, s1, f1, s2, f2);
        double success = arm == 0
                ? optimalValue(predictive, remaining - 1, s1 + 1, f1, s2, f2)
                : optimalValue(predictive, remaining - 1, s1, f1, s2 + 1, f2);
        double failure = arm == 0
                ? optimalValue(predictive, remaining - 1, s1, f1 + 1, s2, f2)
                : optimalValue(predictive, remaining - 1, s1, f1, s2, f2 + 1);
        return p * (1 + success) + (1 - p) * failure;
    }

    /** p1, p2 ~ U[0,1] independently: each arm's posterior is Beta(1 + s, 1 + f), its mean the predictive. */
    /** The four dependent families of the paper, by task id, with their predictive rules. */
    public static Map<String, Predictive> dependentFamilies() {
        var families = new LinkedHashMap<String, Predictive>();
        families.put(l2rl.env.Tasks.DEPENDENT_UNIFORM, dependentUniform());
        families.put(l2rl.env.Tasks.DEPENDENT_EASY, dependentDiscrete(0.1, 0.9));
        families.put(l2rl.env.Tasks.DEPENDENT_MEDIUM, dependentDiscrete(0.25, 0.75));
        families.put(l2rl.env.Tasks.DEPENDENT_HARD, dependentDiscrete(0.4, 0.6));
        return families;
    }

    public static Predictive independentUniform() {
        return (arm, s1, f1, s2, f2) -> arm == 0 ? (s1 + 1.0) / (s1 + f1 + 2) : (s2 + 1.0) / (s2 + f2 + 2);
    }

    /**
     * p1 ~ U[0,1], p2 = 1 - p1: the likelihood is p1^(s1 + f2) (1 - p1)^(f1 + s2), so p1's posterior is
     * Beta(1 + s1 + f2, 1 + f1 + s2).
     */
    public static Predictive dependentUniform() {
        return (arm, s1, f1, s2, f2) -> {
            double p1 = (1.0 + s1 + f2) / (2.0 + s1 + f1 + s2 + f2);
            return arm == 0 ? p1 : 1 - p1;
        };
    }

    /** p1 uniform over {@code values}, p2 = 1 - p1: posterior weights by the plain likelihood products. */
    public static Predictive dependentDiscrete(double... values) {
        return (arm, s1, f1, s2, f2) -> {
            double total = 0;
            double p1 = 0;
            for (double v : values) {
                double weight = Math.pow(v, s1 + f2) * Math.pow(1 - v, f1 + s2);
                total += weight;
                p1 += weight * v;
            }
            p1 /= total;
            return arm == 0 ? p1 : 1 - p1;
        };
    }
}
