package l2rl.env;

/**
 * A fixed, reproducible set of episodes' tasks: episode i always gets the same task and the same reward
 * streams, recreated fresh on each request, so every policy evaluated on a TaskSet meets identical tasks.
 */
public record TaskSet(TaskFamily family, long seed, int episodes) {
    public TaskSet {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be at least 1, got " + episodes);
        }
    }

    /** A fresh copy of episode {@code episode}'s task, at its first decision, its random streams at their start. */
    public CheckedTask task(int episode) {
        if (episode < 0 || episode >= episodes) {
            throw new IndexOutOfBoundsException("episode " + episode + " of " + episodes);
        }
        return CheckedTask.sample(family, Seeds.rng(seed, "task", episode));
    }

    /** The same as {@link #task(int)}: every task of the paper is a bandit. */
    public CheckedTask bandit(int episode) {
        return task(episode);
    }
}
