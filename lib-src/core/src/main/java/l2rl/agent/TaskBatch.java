package l2rl.agent;

import java.util.Arrays;

import l2rl.env.CheckedTask;

/**
 * B independent episodes stepped together (a vectorised environment): each slot holds one task for T decisions.
 * The batch also encodes what the agent sees at each decision, in the layout of its {@link AgentSpec}: the task's
 * observation, the one-hot previous action (zeros at t = 0), the previous reward as the task encodes it (0 at t = 0,
 * and always 0 when the reward input is withheld) and t / T. Regret comes from the tasks themselves, recorded at
 * each pull ({@link CheckedTask}).
 */
public final class TaskBatch {
    private final AgentSpec spec;
    private final CheckedTask[] tasks;
    private final int[] lastAction;
    private final float[] lastReward;
    private final int[] lastRewardIndex;
    private final int trials;
    private int trial;

    /** Episodes of the agent's own length T. */
    public TaskBatch(AgentSpec spec, CheckedTask[] tasks) {
        this(spec, tasks, spec.trials());
    }

    /**
     * Episodes of {@code trials} decisions; the trial input stays t / T with the agent's T. Refuses tasks whose
     * family gives another input than the agent reads.
     */
    public TaskBatch(AgentSpec spec, CheckedTask[] tasks, int trials) {
        this.spec = spec;
        this.trials = trials;
        this.tasks = tasks.clone();
        for (var task : tasks) {
            if (!spec.fits(task.family())) {
                spec.requireFits(task.family(), "task family " + task.family());
            }
        }
        this.lastAction = new int[tasks.length];
        this.lastReward = new float[tasks.length];
        this.lastRewardIndex = new int[tasks.length];
        Arrays.fill(lastAction, -1);
    }

    public int size() {
        return tasks.length;
    }

    public int trial() {
        return trial;
    }

    public boolean done() {
        return trial >= trials;
    }

    public CheckedTask task(int slot) {
        return tasks[slot];
    }

    /** Writes the agent's inputs for the current decision into {@code x} from {@code offset}, [B, in] row-major. */
    public void observe(double[] x, int offset) {
        int in = spec.inputSize();
        Arrays.fill(x, offset, offset + tasks.length * in, 0);
        float time = (float) trial / spec.trials();
        int actionAt = spec.actionOffset();
        int rewardAt = spec.rewardOffset();
        boolean oneHot = spec.rewardValues() > 0;
        for (int b = 0; b < tasks.length; b++) {
            int o = offset + b * in;
            tasks[b].observe(x, o);
            if (lastAction[b] >= 0) {
                x[o + actionAt + lastAction[b]] = 1;
                if (spec.rewardInput() && oneHot) {
                    x[o + rewardAt + lastRewardIndex[b]] = 1;
                }
            }
            if (!oneHot) {
                x[o + rewardAt] = spec.rewardInput() ? lastReward[b] : 0f;
            }
            x[o + spec.timeOffset()] = time;
        }
    }

    /** Writes the current decision's inputs as trial {@code t} of {@code rollout}. */
    public void observe(Rollout rollout, int t) {
        observe(rollout.x, t * rollout.batch * rollout.inputs);
    }

    /** Pulls {@code actions[b]} in every slot; writes rewards and the pulls' regrets; advances the trial. */
    public void step(int[] actions, float[] rewards, double[] regrets) {
        if (done()) {
            throw new IllegalStateException("episodes already have their " + trials + " trials");
        }
        for (int b = 0; b < tasks.length; b++) {
            double r = tasks[b].pull(actions[b]);
            rewards[b] = (float) r;
            regrets[b] = tasks[b].lastRegret();
            lastAction[b] = actions[b];
            lastReward[b] = (float) r;
            lastRewardIndex[b] = tasks[b].lastRewardIndex();
        }
        trial++;
    }
}
