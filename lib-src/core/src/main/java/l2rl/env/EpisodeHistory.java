package l2rl.env;

/**
 * What a policy may know within one episode: the horizon, the trial reached, and per arm the pulls and the
 * rewards they paid. Successes and failures count rewards above and at zero, the Beta posterior's counts
 * for 0/1 arms.
 */
public final class EpisodeHistory {
    private final int trials;
    private final int[] pulls;
    private final int[] successes;
    private final double[] rewardSums;
    private int trial;
    private int lastArm = -1;
    private double lastReward;

    public EpisodeHistory(int arms, int trials) {
        if (arms < 1 || trials < 1) {
            throw new IllegalArgumentException("need at least one arm and one trial");
        }
        this.trials = trials;
        this.pulls = new int[arms];
        this.successes = new int[arms];
        this.rewardSums = new double[arms];
    }

    /** Records that {@code arm} was pulled and paid {@code reward}; moves to the next trial. */
    public void record(int arm, double reward) {
        if (trial >= trials) {
            throw new IllegalStateException("episode already has its " + trials + " trials");
        }
        pulls[arm]++;
        rewardSums[arm] += reward;
        if (reward > 0) {
            successes[arm]++;
        }
        lastArm = arm;
        lastReward = reward;
        trial++;
    }

    public int arms() {
        return pulls.length;
    }

    /** T, the episode's number of trials. */
    public int trials() {
        return trials;
    }

    /** The number of trials already played (0 before the first pull). */
    public int trial() {
        return trial;
    }

    public int remaining() {
        return trials - trial;
    }

    public int pulls(int arm) {
        return pulls[arm];
    }

    public int successes(int arm) {
        return successes[arm];
    }

    public int failures(int arm) {
        return pulls[arm] - successes[arm];
    }

    public double rewardSum(int arm) {
        return rewardSums[arm];
    }

    /** The empirical mean reward of {@code arm}, or NaN if it was never pulled. */
    public double meanReward(int arm) {
        return pulls[arm] == 0 ? Double.NaN : rewardSums[arm] / pulls[arm];
    }

    /** The previous trial's arm, or -1 before the first pull. */
    public int lastArm() {
        return lastArm;
    }

    public double lastReward() {
        return lastReward;
    }
}
