package l2rl.env;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A distribution D over bandit tasks. Meta-learning trains on tasks drawn from D and tests on new ones;
 * each episode samples one task.
 */
public sealed interface TaskFamily {

    int arms();

    /** Trials per episode unless the user says otherwise (T = 100 for the paper's bandits). */
    default int defaultTrials() {
        return 100;
    }

    /** A one-line description of how a task is drawn, in the paper's notation. */
    String description();

    /** Draws a task's parameters from {@code rng}; the task's reward streams are split off it too. */
    Bandit sample(SplittableRandom rng);

    /** p_i ~ U[0,1] independently, each arm paying 1 (paper 3.1.1, D_i for k = 2). */
    record IndependentArms(int arms) implements TaskFamily {
        public IndependentArms {
            requireArms(arms);
        }

        @Override
        public String description() {
            return arms + " arms, p_i ~ U[0,1] independently, reward 1";
        }

        @Override
        public Bandit sample(SplittableRandom rng) {
            var p = new double[arms];
            Arrays.setAll(p, a -> rng.nextDouble());
            return BernoulliBandit.ofProbabilities(p, rng);
        }
    }

    /** Two arms with p2 = 1 - p1 and p1 drawn from {@code prior} (paper 3.1.2). */
    record DependentTwoArmed(P1Prior prior) implements TaskFamily {
        @Override
        public int arms() {
            return 2;
        }

        @Override
        public String description() {
            return "2 arms, p1 ~ " + prior + ", p2 = 1 - p1";
        }

        @Override
        public Bandit sample(SplittableRandom rng) {
            double p1 = prior.sample(rng);
            return BernoulliBandit.ofProbabilities(new double[] {p1, 1 - p1}, rng);
        }
    }

    /** The same arm probabilities in every episode. */
    record FixedArms(double[] probabilities) implements TaskFamily {
        public FixedArms {
            probabilities = probabilities.clone();
            requireArms(probabilities.length);
        }

        @Override
        public int arms() {
            return probabilities.length;
        }

        @Override
        public String description() {
            return "fixed p = " + Arrays.toString(probabilities) + ", reward 1";
        }

        @Override
        public Bandit sample(SplittableRandom rng) {
            return BernoulliBandit.ofProbabilities(probabilities, rng);
        }
    }

    /** p_i ~ U[0,1] and the paid value r_i ~ U[0,1], independently per arm. */
    record RandomPayoffArms(int arms) implements TaskFamily {
        public RandomPayoffArms {
            requireArms(arms);
        }

        @Override
        public String description() {
            return arms + " arms, p_i ~ U[0,1], pays r_i ~ U[0,1]";
        }

        @Override
        public Bandit sample(SplittableRandom rng) {
            var p = new double[arms];
            var r = new double[arms];
            for (int a = 0; a < arms; a++) {
                p[a] = rng.nextDouble();
                r[a] = rng.nextDouble();
            }
            return new BernoulliBandit(p, r, rng);
        }
    }

    /** Each arm always pays its own value r_i ~ U[0,1]. */
    record DeterministicArms(int arms) implements TaskFamily {
        public DeterministicArms {
            requireArms(arms);
        }

        @Override
        public String description() {
            return arms + " arms, each always pays r_i ~ U[0,1]";
        }

        @Override
        public Bandit sample(SplittableRandom rng) {
            var p = new double[arms];
            var r = new double[arms];
            for (int a = 0; a < arms; a++) {
                p[a] = 1.0;
                r[a] = rng.nextDouble();
            }
            return new BernoulliBandit(p, r, rng);
        }
    }

    /** Rewards ~ N(q_i, 1) with q_i ~ N(0, 1). */
    record GaussianArms(int arms) implements TaskFamily {
        public GaussianArms {
            requireArms(arms);
        }

        @Override
        public String description() {
            return arms + " arms, q_i ~ N(0,1), reward ~ N(q_i,1)";
        }

        @Override
        public Bandit sample(SplittableRandom rng) {
            var q = new double[arms];
            Arrays.setAll(q, a -> rng.nextGaussian());
            return new GaussianBandit(q, rng);
        }
    }

    /**
     * Paper 3.1.3: eleven deterministic arms. One of the first ten (the target, uniform) pays 5, the other nine
     * pay 1, and arm 11 pays the target's number (1..10) divided by 10, so it tells where the target is.
     */
    record ElevenArmedWithIndex() implements TaskFamily {
        public static final double TARGET_PAYOFF = 5.0;

        @Override
        public int arms() {
            return 11;
        }

        @Override
        public int defaultTrials() {
            return 5;
        }

        @Override
        public String description() {
            return "11 arms, target j ~ U{1..10} pays 5, others 1, arm 11 pays j/10";
        }

        @Override
        public Bandit sample(SplittableRandom rng) {
            int target = rng.nextInt(10);
            var p = new double[11];
            var r = new double[11];
            Arrays.fill(p, 1.0);
            for (int a = 0; a < 10; a++) {
                r[a] = a == target ? TARGET_PAYOFF : 1.0;
            }
            r[10] = (target + 1) / 10.0;
            return new BernoulliBandit(p, r, rng);
        }
    }

    private static void requireArms(int arms) {
        if (arms < 1) {
            throw new IllegalArgumentException("a bandit needs at least one arm, got " + arms);
        }
    }
}
