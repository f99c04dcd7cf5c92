package l2rl.eval;

import java.util.SplittableRandom;

import l2rl.baseline.BanditPolicy;
import l2rl.env.Bandit;
import l2rl.env.EpisodeHistory;

/** One episode played out trial by trial: the task's true means, the arms pulled and the rewards paid. */
public record EpisodeTrace(String policy, double[] means, int[] arms, double[] rewards) {

    /** Plays one episode of {@code trials} trials of {@code task} with {@code policy}. */
    public static EpisodeTrace play(BanditPolicy policy, Bandit task, int trials, SplittableRandom rng) {
        var history = new EpisodeHistory(task.arms(), trials);
        var arms = new int[trials];
        var rewards = new double[trials];
        for (int t = 0; t < trials; t++) {
            arms[t] = policy.chooseArm(history, rng);
            rewards[t] = task.pull(arms[t]);
            history.record(arms[t], rewards[t]);
        }
        return new EpisodeTrace(policy.name(), task.means(), arms, rewards);
    }

    public int trials() {
        return arms.length;
    }
}
