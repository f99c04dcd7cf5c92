package l2rl.env;

import java.util.Arrays;

/**
 * The prior over p1 in a dependent two-armed task (p2 = 1 - p1).
 *
 * <p>Both arms inform about the same p1: a success on arm 1 and a failure on arm 2 are the same evidence.
 * With {@code a} = successes on arm 1 + failures on arm 2 and {@code b} = failures on arm 1 + successes on
 * arm 2, the posterior is proportional to prior(p1) * p1^a * (1 - p1)^b.
 */
public sealed interface P1Prior {

    double sample(java.util.SplittableRandom rng);

    /** E[p1 | a pieces of evidence for arm 1, b for arm 2]. */
    double posteriorMean(int a, int b);

    /** P(p1 > 1/2 | a, b), a value of exactly 1/2 counted half: the posterior probability that arm 1 is better. */
    double probabilityArm1Better(int a, int b);

    /** p1 ~ U[0,1]: the posterior is Beta(1 + a, 1 + b). */
    record Uniform() implements P1Prior {
        @Override
        public double sample(java.util.SplittableRandom rng) {
            return rng.nextDouble();
        }

        @Override
        public double posteriorMean(int a, int b) {
            return (1.0 + a) / (2.0 + a + b);
        }

        @Override
        public double probabilityArm1Better(int a, int b) {
            return 1 - org.apache.commons.math3.special.Beta.regularizedBeta(0.5, 1.0 + a, 1.0 + b);
        }

        @Override
        public String toString() {
            return "U[0,1]";
        }
    }

    /** p1 uniform over a finite set of values. */
    record Discrete(double[] values) implements P1Prior {
        public Discrete {
            if (values.length == 0) {
                throw new IllegalArgumentException("a discrete prior needs at least one value");
            }
            values = values.clone();
        }

        @Override
        public double sample(java.util.SplittableRandom rng) {
            return values[rng.nextInt(values.length)];
        }

        @Override
        public double posteriorMean(int a, int b) {
            var w = posteriorWeights(a, b);
            double weighted = 0;
            for (int i = 0; i < values.length; i++) {
                weighted += w[i] * values[i];
            }
            return weighted;
        }

        @Override
        public double probabilityArm1Better(int a, int b) {
            var w = posteriorWeights(a, b);
            double above = 0;
            for (int i = 0; i < values.length; i++) {
                above += values[i] > 0.5 ? w[i] : values[i] == 0.5 ? w[i] / 2 : 0;
            }
            return above;
        }

        /** The posterior probability of each value, summing to 1. */
        private double[] posteriorWeights(int a, int b) {
            // Weights in log space: a and b reach the hundreds, p^a underflows long before that.
            var w = new double[values.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < values.length; i++) {
                w[i] = evidence(a, Math.log(values[i])) + evidence(b, Math.log1p(-values[i]));
                max = Math.max(max, w[i]);
            }
            double total = 0;
            for (int i = 0; i < values.length; i++) {
                w[i] = Math.exp(w[i] - max);
                total += w[i];
            }
            for (int i = 0; i < values.length; i++) {
                w[i] /= total;
            }
            return w;
        }

        // 0 * log(0) is 0 here: no evidence says nothing, even about a value of 0 or 1.
        private static double evidence(int count, double logProbability) {
            return count == 0 ? 0.0 : count * logProbability;
        }

        @Override
        public String toString() {
            return "U" + Arrays.toString(values).replace('[', '{').replace(']', '}');
        }
    }
}
