package l2rl.env;

import java.util.SplittableRandom;

/**
 * One episode's environment: the task an agent meets for a whole episode, drawn from a {@link TaskFamily} (the
 * paper's distribution D) at the episode's start.
 *
 * <p>An episode is a sequence of T decisions (T is the run's number of trials; the family's
 * {@link TaskFamily#defaultTrials()} unless the user says otherwise). At each decision the caller may ask
 * {@link #expectedRewards()} and {@link #observation()} (what holds <em>now</em>, before the action), then
 * {@link #pull(int)} exactly once, which pays a reward and moves to the next decision. The episode ends after the
 * T-th decision: a task never ends an episode early, so a batch of episodes stays in step (the trainer's rollouts
 * assume it). The agent's trial input t / T counts decisions; for the paper's bandits a decision is a trial.
 *
 * <p>A task may change within the episode (a restless bandit's means drift). Whatever changes draws only from the
 * task's own random stream, split off the generator it was sampled with, and never depends on the actions taken:
 * so every policy evaluated on the same episode meets the same path of tasks (common random numbers), and a report
 * can compare policies pull for pull. The rewards of an arm come from its own stream too where possible, so that the
 * n-th pull of an arm pays the same whichever policy pulls it.
 *
 * <p>Callers never play a task directly: {@link CheckedTask} does, recording each pull's regret at the moment of the
 * pull and checking this contract at every step.
 */
public interface Task {

    /** The number of actions (arms) at every decision; the family's {@link TaskFamily#arms()}. */
    int arms();

    /**
     * The expected reward of every arm at the current decision, one per arm, finite: what regret needs (the regret
     * of pulling arm a is max_i mu_i - mu_a, measured at the moment of the pull). The array may be the task's own
     * (returned again at every call, no allocation); callers read it before the next pull and never write it. Not
     * asked of a family that declares no per-step regret ({@link TaskFamily#perStepRegret()}).
     */
    double[] expectedRewards();

    /** Takes {@code arm} at the current decision: returns the reward it pays and moves to the next decision. */
    double pull(int arm);

    /**
     * What the agent observes at the current decision, {@link TaskFamily#observationSize()} finite values (none by
     * default: a bandit shows nothing but its rewards). May be the task's own array, read before the next pull.
     */
    default double[] observation() {
        return NO_OBSERVATION;
    }

    /**
     * For a family whose rewards reach the agent one-hot ({@link RewardEncoding#oneHot}): the index, in the
     * family's declared reward values, of the reward the last pull paid. The task says which value it paid (it
     * knows by construction), so the encoding never rests on comparing floating-point rewards.
     */
    default int rewardIndex() {
        throw new UnsupportedOperationException(getClass().getName() + " declares no reward index");
    }

    /**
     * This task as it was at its episode's start, its parameters kept, its random draws (rewards, drift) from
     * {@code rng}: what a fixed-task run ({@code --fixed-task}: the same task in every episode, new draws each
     * episode) plays.
     */
    default Task restart(SplittableRandom rng) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot be restarted (fixed-task runs"
                + " need Task.restart)");
    }

    /** The observation of a task that shows nothing. */
    double[] NO_OBSERVATION = new double[0];
}
