package l2rl.agent;

import java.util.Arrays;

import l2rl.env.Bandit;

/**
 * B independent episodes stepped together (a vectorised environment): each slot holds one bandit task for
 * T trials. The batch also encodes what the agent sees at each trial: one-hot previous action (zeros at
 * t = 0), previous reward (0 at t = 0, and always 0 when the reward input is withheld) and t / T.
 */
public final class TaskBatch {
    private final AgentSpec spec;
    private final Bandit[] bandits;
    private final int[] lastAction;
    private final float[] lastReward;
    private final int trials;
    private int trial;

    /** Episodes of the agent's own length T. */
    public TaskBatch(AgentSpec spec, Bandit[] bandits) {
        this(spec, bandits, spec.trials());
    }

    /** Episodes of {@code trials} trials; the trial input stays t / T with the agent's T. */
    public TaskBatch(AgentSpec spec, Bandit[] bandits, int trials) {
        this.spec = spec;
        this.trials = trials;
        this.bandits = bandits.clone();
        for (var b : bandits) {
            if (b.arms() != spec.arms()) {
                throw new IllegalArgumentException("agent has " + spec.arms() + " arms, task has " + b.arms());
            }
        }
        this.lastAction = new int[bandits.length];
        this.lastReward = new float[bandits.length];
        Arrays.fill(lastAction, -1);
    }

    public int size() {
        return bandits.length;
    }

    public int trial() {
        return trial;
    }

    public boolean done() {
        return trial >= trials;
    }

    public Bandit bandit(int slot) {
        return bandits[slot];
    }

    /** Writes the agent's inputs for the current trial into {@code x} from {@code offset}, [B, in] row-major. */
    public void observe(double[] x, int offset) {
        int in = spec.inputSize();
        java.util.Arrays.fill(x, offset, offset + bandits.length * in, 0);
        float time = (float) trial / spec.trials();
        for (int b = 0; b < bandits.length; b++) {
            int o = offset + b * in;
            if (lastAction[b] >= 0) {
                x[o + lastAction[b]] = 1;
            }
            x[o + spec.arms()] = spec.rewardInput() ? lastReward[b] : 0f;
            x[o + spec.arms() + 1] = time;
        }
    }

    /** Writes the current trial's inputs as trial {@code t} of {@code rollout}. */
    public void observe(Rollout rollout, int t) {
        observe(rollout.x, t * rollout.batch * rollout.inputs);
    }

    /** Pulls {@code actions[b]} in every slot; writes rewards and expected regrets; advances the trial. */
    public void step(int[] actions, float[] rewards, double[] regrets) {
        if (done()) {
            throw new IllegalStateException("episodes already have their " + trials + " trials");
        }
        for (int b = 0; b < bandits.length; b++) {
            double r = bandits[b].pull(actions[b]);
            rewards[b] = (float) r;
            regrets[b] = bandits[b].regret(actions[b]);
            lastAction[b] = actions[b];
            lastReward[b] = (float) r;
        }
        trial++;
    }
}
