package l2rl.env;

import java.util.Optional;
import java.util.SplittableRandom;

/** Two arms with p2 = 1 - p1 and p1 drawn from {@code prior} (paper 3.1.2). */
public record DependentTwoArmed(P1Prior prior) implements TaskFamily {
    @Override
    public int arms() {
        return 2;
    }

    @Override
    public String description() {
        return "2 arms, p1 ~ " + prior + ", p2 = 1 - p1";
    }

    @Override
    public Bandit sample(SplittableRandom rng) {
        double p1 = prior.sample(rng);
        return BernoulliBandit.ofProbabilities(new double[] {p1, 1 - p1}, rng);
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
        return ArmStructure.COUPLED;
    }

    @Override
    public Optional<ExactPrior> exactPrior() {
        return Optional.of(new ExactPrior.CoupledArms(prior));
    }
}
