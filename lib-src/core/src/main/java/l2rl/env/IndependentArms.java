package l2rl.env;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/** p_i ~ U[0,1] independently, each arm paying 1 (paper 3.1.1, D_i for k = 2). */
public record IndependentArms(int arms) implements TaskFamily {
    public IndependentArms {
        ArmCount.require(arms);
    }

    @Override
    public String description() {
        return arms + " arms, p_i ~ U[0,1] independently, reward 1";
    }

    @Override
    public Bandit sample(SplittableRandom rng) {
        var p = new double[arms];
        Arrays.setAll(p, a -> rng.nextDouble());
        return BernoulliBandit.ofProbabilities(p, rng);
    }

    @Override
    public RewardKind rewardKind() {
        return RewardKind.ZERO_ONE;
    }

    @Override
    public boolean meansFixed() {
        return true;
    }

    @Override
    public ArmStructure armStructure() {
        return ArmStructure.INDEPENDENT;
    }

    @Override
    public Optional<ExactPrior> exactPrior() {
        return Optional.of(new ExactPrior.IndependentUniform());
    }
}
