package l2rl.baseline;

import java.util.SplittableRandom;

import l2rl.env.CheckedTask;
import l2rl.env.EpisodeHistory;
import l2rl.env.Seeds;
import l2rl.env.TaskSet;

/** Test helpers: histories with given counts, and plain episode play. */
final class Histories {
    private Histories() {
    }

    /** A history of {@code trials} trials in which arm a paid 1 {@code counts[a][0]} times and 0 {@code counts[a][1]} times. */
    static EpisodeHistory of(int trials, int[]... counts) {
        var history = new EpisodeHistory(counts.length, trials);
        for (int a = 0; a < counts.length; a++) {
            for (int s = 0; s < counts[a][0]; s++) {
                history.record(a, 1.0);
            }
            for (int f = 0; f < counts[a][1]; f++) {
                history.record(a, 0.0);
            }
        }
        return history;
    }

    /** The arms {@code policy} pulls in one episode of {@code bandit}. */
    static int[] play(BanditPolicy policy, CheckedTask bandit, int trials, SplittableRandom rng) {
        var history = new EpisodeHistory(bandit.arms(), trials);
        var arms = new int[trials];
        for (int t = 0; t < trials; t++) {
            arms[t] = policy.chooseArm(history, rng);
            history.record(arms[t], bandit.pull(arms[t]));
        }
        return arms;
    }

    /** Per episode of {@code tasks}, the expected regret sum_t (mu* - mu_{a_t}) of {@code policy}'s pulls. */
    static double[] regrets(BanditPolicy policy, TaskSet tasks, int trials) {
        var regrets = new double[tasks.episodes()];
        for (int e = 0; e < regrets.length; e++) {
            var bandit = (l2rl.env.Bandit) tasks.task(e).task();  // stationary: regret from its fixed means
            for (int arm : play(policy, tasks.task(e), trials, Seeds.rng(tasks.seed(), "policy", e))) {
                regrets[e] += bandit.regret(arm);
            }
        }
        return regrets;
    }
}
