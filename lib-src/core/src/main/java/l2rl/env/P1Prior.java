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
            // Weights in log space: a and b reach the hundreds, p^a underflows long before that.
            var logWeights = new double[values.length];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < values.length; i++) {
                logWeights[i] = evidence(a, Math.log(values[i])) + evidence(b, Math.log1p(-values[i]));
                max = Math.max(max, logWeights[i]);
            }
            double total = 0;
            double weighted = 0;
            for (int i = 0; i < values.length; i++) {
                double w = Math.exp(logWeights[i] - max);
                total += w;
                weighted += w * values[i];
            }
            return weighted / total;
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
