package l2rl.env;

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
}
