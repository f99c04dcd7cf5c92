package l2rl.env;

import java.util.SplittableRandom;

/** p_i ~ U[0,1] and the paid value r_i ~ U[0,1], independently per arm. */
public record RandomPayoffArms(int arms) implements TaskFamily {
    public RandomPayoffArms {
        ArmCount.require(arms);
    }

    @Override
    public String description() {
        return arms + " arms, p_i ~ U[0,1], pays r_i ~ U[0,1]";
    }

    @Override
    public Bandit sample(SplittableRandom rng) {
        var p = new double[arms];
        var r = new double[arms];
        for (int a = 0; a < arms; a++) {
            p[a] = rng.nextDouble();
            r[a] = rng.nextDouble();
        }
        return new BernoulliBandit(p, r, rng);
    }

    @Override
    public RewardKind rewardKind() {
        return RewardKind.UNIT_INTERVAL;
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
