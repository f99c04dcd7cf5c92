package l2rl.env;

import java.util.SplittableRandom;

/** Each arm always pays its own value r_i ~ U[0,1]. */
public record DeterministicArms(int arms) implements TaskFamily {
    public DeterministicArms {
        ArmCount.require(arms);
    }

    @Override
    public String description() {
        return arms + " arms, each always pays r_i ~ U[0,1]";
    }

    @Override
    public Bandit sample(SplittableRandom rng) {
        var p = new double[arms];
        var r = new double[arms];
        for (int a = 0; a < arms; a++) {
            p[a] = 1.0;
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
