package l2rl.env;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Rewards ~ N(q_i, 1) with q_i ~ N(0, 1). */
public record GaussianArms(int arms) implements TaskFamily {
    public GaussianArms {
        ArmCount.require(arms);
    }

    @Override
    public String description() {
        return arms + " arms, q_i ~ N(0,1), reward ~ N(q_i,1)";
    }

    @Override
    public Bandit sample(SplittableRandom rng) {
        var q = new double[arms];
        Arrays.setAll(q, a -> rng.nextGaussian());
        return new GaussianBandit(q, rng);
    }

    @Override
    public RewardKind rewardKind() {
        return RewardKind.REAL;
    }

    @Override
    public boolean meansFixed() {
        return true;
    }

    @Override
    public ArmStructure armStructure() {
        return ArmStructure.INDEPENDENT;
    }
}
