package l2rl.eval;

import java.util.SplittableRandom;

import l2rl.baseline.BanditPolicy;
import l2rl.env.CheckedTask;
import l2rl.env.EpisodeHistory;

/**
 * One episode played out trial by trial: the arms' expected rewards at the episode's start, the arms pulled, the
 * rewards paid and each pull's regret, recorded at the moment of the pull (so it holds for a task whose means drift).
 */
public record EpisodeTrace(String policy, double[] means, int[] arms, double[] rewards, double[] regrets) {

    /** Plays one episode of {@code trials} trials of {@code task} with {@code policy}. */
    public static EpisodeTrace play(BanditPolicy policy, CheckedTask task, int trials, SplittableRandom rng) {
        var means = task.family().perStepRegret() ? task.means() : new double[task.arms()];
        var history = new EpisodeHistory(task.arms(), trials);
        var arms = new int[trials];
        var rewards = new double[trials];
        var regrets = new double[trials];
        for (int t = 0; t < trials; t++) {
            arms[t] = policy.chooseArm(history, rng);
            rewards[t] = task.pull(arms[t]);
            regrets[t] = task.lastRegret();
            history.record(arms[t], rewards[t]);
        }
        return new EpisodeTrace(policy.name(), means, arms, rewards, regrets);
    }

    public int trials() {
        return arms.length;
    }
}
