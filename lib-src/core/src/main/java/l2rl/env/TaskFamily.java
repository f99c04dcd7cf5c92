package l2rl.env;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A distribution D over tasks: meta-learning trains on tasks drawn from D and tests on new ones; each episode samples
 * one {@link Task} from a seeded stream ({@link #sample}), so an episode's task is recreated exactly from its seed.
 *
 * <p>Besides sampling, a family declares up front what the rest of l2rl needs to know without playing a task:
 * <ul>
 * <li>for the agent's input ({@code l2rl.agent.AgentSpec#of}): the number of arms, the size of the observation
 * its tasks show ({@link #observationSize()}) and how a reward is encoded ({@link #rewardEncoding()});
 * <li>for the baselines ({@code l2rl.baseline.Baselines#forFamily}): the kind of rewards it pays
 * ({@link #rewardKind()}), whether the arms' means stay fixed within an episode ({@link #meansFixed()}), how its
 * arms relate ({@link #armStructure()}) and, where l2rl knows it, its exact prior ({@link #exactPrior()});
 * <li>for reports: whether each pull has a regret ({@link #perStepRegret()});
 * <li>for training: its horizon ({@link #defaultTrials()}) and other defaults of its own ({@link #trainingDefaults()}).
 * </ul>
 * {@link CheckedTask} holds every task to these declarations; a family's {@code toString()} names it in errors.
 * Families are values: the library's are records; a user's family is any implementation, registered under an id
 * with {@link Tasks#register}.
 */
public interface TaskFamily {

    /** The number of arms (actions) at every decision. */
    int arms();

    /** Trials (decisions) per episode unless the user says otherwise (T = 100 for the paper's bandits). */
    default int defaultTrials() {
        return 100;
    }

    /** A one-line description of how a task is drawn, in the paper's notation. */
    String description();

    /**
     * Draws one episode's task from {@code rng}: its parameters first, then the streams its rewards (and any drift)
     * draw from, split off {@code rng}, so the same generator gives the same task and the same reward streams.
     */
    Task sample(SplittableRandom rng);

    /** What rewards the tasks pay: 0/1, in [0,1], or any real value. */
    RewardKind rewardKind();

    /**
     * True if every arm's expected reward stays the same for a whole episode (a stationary bandit); false if it
     * may change within the episode (a restless bandit). Baselines that estimate fixed means are offered only for
     * fixed means.
     */
    boolean meansFixed();

    /** How the arms relate: independent, coupled (p2 = 1 - p1) or other. */
    default ArmStructure armStructure() {
        return ArmStructure.OTHER;
    }

    /** The number of values a task shows the agent at each decision ({@link Task#observation()}); 0 by default. */
    default int observationSize() {
        return 0;
    }

    /** How the previous reward is encoded for the agent: a scalar by default. */
    default RewardEncoding rewardEncoding() {
        return RewardEncoding.scalar();
    }

    /**
     * True (the default) if a task tells each arm's expected reward at each decision, so each pull has a regret;
     * false for a trial of several decisions (such as the two-step task), whose reports show the reward rate
     * instead.
     */
    default boolean perStepRegret() {
        return true;
    }

    /** The family's prior, if l2rl solves it exactly (Bayes-optimal policy, exact posterior); empty by default. */
    default Optional<ExactPrior> exactPrior() {
        return Optional.empty();
    }

    /**
     * Training settings this family wants unless the user says otherwise, as TrainConfig keys and values (for
     * example {@code trials -> 5}); none by default.
     */
    default Map<String, String> trainingDefaults() {
        return Map.of();
    }

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

        @Override
        public RewardKind rewardKind() {
            return RewardKind.ZERO_ONE;
        }

        @Override
        public boolean meansFixed() {
            return true;
        }

        @Override
        public ArmStructure armStructure() {
            return ArmStructure.INDEPENDENT;
        }

        @Override
        public Optional<ExactPrior> exactPrior() {
            return Optional.of(new ExactPrior.IndependentUniform());
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

        @Override
        public RewardKind rewardKind() {
            return RewardKind.ZERO_ONE;
        }

        @Override
        public boolean meansFixed() {
            return true;
        }

        @Override
        public ArmStructure armStructure() {
            return ArmStructure.COUPLED;
        }

        @Override
        public Optional<ExactPrior> exactPrior() {
            return Optional.of(new ExactPrior.CoupledArms(prior));
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

        @Override
        public RewardKind rewardKind() {
            return RewardKind.ZERO_ONE;
        }

        @Override
        public boolean meansFixed() {
            return true;
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

        @Override
        public RewardKind rewardKind() {
            return RewardKind.UNIT_INTERVAL;
        }

        @Override
        public boolean meansFixed() {
            return true;
        }

        @Override
        public ArmStructure armStructure() {
            return ArmStructure.INDEPENDENT;
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

        @Override
        public RewardKind rewardKind() {
            return RewardKind.UNIT_INTERVAL;
        }

        @Override
        public boolean meansFixed() {
            return true;
        }

        @Override
        public ArmStructure armStructure() {
            return ArmStructure.INDEPENDENT;
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

        @Override
        public RewardKind rewardKind() {
            return RewardKind.REAL;
        }

        @Override
        public boolean meansFixed() {
            return true;
        }

        @Override
        public ArmStructure armStructure() {
            return ArmStructure.INDEPENDENT;
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

        @Override
        public RewardKind rewardKind() {
            return RewardKind.REAL;
        }

        @Override
        public boolean meansFixed() {
            return true;
        }

        @Override
        public Map<String, String> trainingDefaults() {
            return Map.of("trials", "5");
        }
    }

    private static void requireArms(int arms) {
        if (arms < 1) {
            throw new IllegalArgumentException("a bandit needs at least one arm, got " + arms);
        }
    }
}
