package l2rl.analysis;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.math3.special.Beta;

import l2rl.baseline.BayesOptimalIndependent;
import l2rl.env.ExactPrior;
import l2rl.env.P1Prior;
import l2rl.env.TaskFamily;

/**
 * The exact Bayesian posterior of a two-armed Bernoulli history under a task family's prior, with the exact
 * values of the Bayes-optimal policy for a horizon of T trials: what an ideal learner of that family knows, and
 * what it would do, after any history. States are cached: histories of one family share most of them.
 */
public sealed interface Posterior {

    /** The family's posterior for episodes of {@code trials} trials, undiscounted. */
    static Posterior of(TaskFamily family, int trials) {
        return of(family, trials, 1.0);
    }

    /**
     * The family's posterior for episodes of {@code trials} trials, future rewards discounted by {@code gamma} per
     * trial (the Q-values then are those of the best discounted policy, what a critic trained with that discount
     * estimates). Known for families that declare an exact prior ({@link TaskFamily#exactPrior()}) over two arms:
     * independent U[0,1] arms and coupled arms (p1 = 1 - p0).
     */
    static Posterior of(TaskFamily family, int trials, double gamma) {
        var prior = family.exactPrior().filter(p -> family.arms() == 2);
        // Each exact prior has its own solution: the one place where the kind of prior, not a capability, decides.
        if (prior.isPresent() && prior.get() instanceof ExactPrior.IndependentUniform) {
            return new IndependentUniform(BayesOptimalIndependent.values(trials, gamma));
        }
        if (prior.isPresent() && prior.get() instanceof ExactPrior.CoupledArms coupled) {
            return new Dependent(coupled.prior(), trials, gamma);
        }
        throw new IllegalArgumentException("no exact posterior for " + family
                + "; known for two independent uniform arms and the dependent two-armed families");
    }

    /** Whether {@link #of} knows {@code family}'s exact posterior. */
    static boolean exists(TaskFamily family) {
        return family.arms() == 2 && family.exactPrior().isPresent();
    }

    /** T, the horizon the values are for. */
    int trials();

    /** The posterior after s0 successes and f0 failures on arm 0, s1 and f1 on arm 1 (fewer than T pulls). */
    PosteriorState at(int s0, int f0, int s1, int f1);

    /**
     * p0, p1 ~ U[0,1] independently: arm i's posterior is Beta(1 + s_i, 1 + f_i); the values come from the exact
     * dynamic program over (s0, f0, s1, f1).
     */
    final class IndependentUniform implements Posterior {
        private final BayesOptimalIndependent.Values values;
        private final Map<Long, PosteriorState> cache = new ConcurrentHashMap<>();

        IndependentUniform(BayesOptimalIndependent.Values values) {
            this.values = values;
        }

        @Override
        public int trials() {
            return values.trials();
        }

        @Override
        public PosteriorState at(int s0, int f0, int s1, int f1) {
            return cache.computeIfAbsent(key(s0, f0, s1, f1), k -> new PosteriorState(s0, f0, s1, f1,
                    (s0 + 1.0) / (s0 + f0 + 2.0), (s1 + 1.0) / (s1 + f1 + 2.0),
                    1 - probabilitySecondBetter(s0 + 1, f0 + 1, s1 + 1, f1 + 1),
                    values.q(0, s0, f0, s1, f1), values.q(1, s0, f0, s1, f1)));
        }

        /**
         * P(Y > X) for X ~ Beta(a0, b0), Y ~ Beta(a1, b1), integer a1: the closed form
         * sum_{i < a1} B(a0 + i, b0 + b1) / ((b1 + i) B(1 + i, b1) B(a0, b0)) (Cook 2005; Miller 2015).
         */
        static double probabilitySecondBetter(int a0, int b0, int a1, int b1) {
            double total = 0;
            double logB0 = Beta.logBeta(a0, b0);
            for (int i = 0; i < a1; i++) {
                total += Math.exp(Beta.logBeta(a0 + i, b0 + b1) - Math.log(b1 + i) - Beta.logBeta(1 + i, b1) - logB0);
            }
            return Math.min(1, Math.max(0, total));
        }
    }

    /**
     * p1 = 1 - p0, p0 from the family's prior: a success on arm 0 and a failure on arm 1 are the same evidence, so
     * the posterior depends on a = s0 + f1 and b = f0 + s1 only, and the values on (a, b) (a small dynamic program
     * over a + b <= T; posterior-greedy is optimal there, see {@code l2rl.baseline.BayesOptimal}).
     */
    final class Dependent implements Posterior {
        private final P1Prior prior;
        private final int trials;
        private final double gamma;
        private final double[][] value;  // [T + 1][n + 1] V after n = a + b pulls with a for arm 0; row T is 0

        Dependent(P1Prior prior, int trials, double gamma) {
            if (trials < 1 || !(gamma >= 0 && gamma <= 1)) {
                throw new IllegalArgumentException("need trials >= 1 and gamma in [0, 1]: " + trials + ", " + gamma);
            }
            this.prior = prior;
            this.trials = trials;
            this.gamma = gamma;
            this.value = new double[trials + 1][];
            value[trials] = new double[trials + 1];
            for (int n = trials - 1; n >= 0; n--) {
                value[n] = new double[n + 1];
                for (int a = 0; a <= n; a++) {
                    double m = prior.posteriorMean(a, n - a);
                    double up = gamma * value[n + 1][a + 1];   // evidence for arm 0: a + 1
                    double down = gamma * value[n + 1][a];     // evidence for arm 1: b + 1
                    value[n][a] = Math.max(m * (1 + up) + (1 - m) * down, (1 - m) * (1 + down) + m * up);
                }
            }
        }

        @Override
        public int trials() {
            return trials;
        }

        @Override
        public PosteriorState at(int s0, int f0, int s1, int f1) {
            int a = s0 + f1;
            int b = f0 + s1;
            int n = a + b;
            if (n >= trials || s0 < 0 || f0 < 0 || s1 < 0 || f1 < 0) {
                throw new IllegalArgumentException(n + " pulls leave no trial in a horizon of " + trials);
            }
            double m = prior.posteriorMean(a, b);
            double up = value[n + 1][a + 1];
            double down = value[n + 1][a];
            return new PosteriorState(s0, f0, s1, f1, m, 1 - m, firstBetter(a, b),
                    m * (1 + gamma * up) + (1 - m) * gamma * down, (1 - m) * (1 + gamma * down) + m * gamma * up);
        }

        /** P(p0 > 1/2 | a, b). */
        double firstBetter(int a, int b) {
            return prior.probabilityArm1Better(a, b);
        }
    }

    private static long key(int s0, int f0, int s1, int f1) {
        return ((long) s0 << 48) | ((long) f0 << 32) | ((long) s1 << 16) | f1;
    }
}
