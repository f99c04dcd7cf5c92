package l2rl.env;

/**
 * What a policy may know within one episode: the horizon, the trial reached, the whole sequence of arms pulled and
 * rewards paid ({@link #arm(int)}, {@link #reward(int)}: enough for windowed or discounted policies, which a
 * restless bandit calls for), and per arm the totals a stationary policy uses. Successes and failures count
 * rewards above and at zero, the Beta posterior's counts for 0/1 arms.
 */
public final class EpisodeHistory {
    private final int trials;
    private final int[] pulls;
    private final int[] successes;
    private final double[] rewardSums;
    private final int[] armAt;       // [T] the arm pulled at each trial so far
    private final double[] rewardAt;  // [T] the reward it paid
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
        this.armAt = new int[trials];
        this.rewardAt = new double[trials];
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
        armAt[trial] = arm;
        rewardAt[trial] = reward;
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

    /** The arm pulled at trial {@code t}, one of those already played (t < {@link #trial()}). */
    public int arm(int t) {
        return armAt[played(t)];
    }

    /** The reward paid at trial {@code t}, one of those already played. */
    public double reward(int t) {
        return rewardAt[played(t)];
    }

    private int played(int t) {
        if (t < 0 || t >= trial) {
            throw new IndexOutOfBoundsException("trial " + t + " of the " + trial + " played");
        }
        return t;
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
