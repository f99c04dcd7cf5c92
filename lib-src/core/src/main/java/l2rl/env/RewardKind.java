package l2rl.env;

/**
 * What rewards a family's tasks pay, as baselines need to know it: a Beta posterior counts 0/1 rewards exactly
 * (Gittins' table), Thompson sampling with Beta posteriors needs rewards in [0,1], and any other policy takes any
 * real reward.
 */
public enum RewardKind {
    /** Every reward is 0 or 1 (Bernoulli arms paying 1). */
    ZERO_ONE("0/1"),
    /** Every reward lies in [0,1]. */
    UNIT_INTERVAL("[0,1]"),
    /** Any finite reward. */
    REAL("real");

    private final String label;

    RewardKind(String label) {
        this.label = label;
    }

    /** Whether {@code reward} is one this kind pays. */
    public boolean admits(double reward) {
        // if-chains, not a switch: this runs at every pull of training
        if (this == ZERO_ONE) {
            return reward == 0.0 || reward == 1.0;
        }
        if (this == UNIT_INTERVAL) {
            return reward >= 0.0 && reward <= 1.0;
        }
        return Double.isFinite(reward);
    }

    /** Whether an expected reward of {@code mean} fits this kind (a mean of 0/1 rewards lies in [0,1]). */
    public boolean admitsMean(double mean) {
        return this == REAL ? Double.isFinite(mean) : mean >= 0.0 && mean <= 1.0;
    }

    /** 0/1, [0,1] or real, as {@code l2rl tasks} shows it. */
    public String label() {
        return label;
    }
}
