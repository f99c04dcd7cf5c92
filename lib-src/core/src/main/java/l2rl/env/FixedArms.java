package l2rl.env;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The same arm probabilities in every episode. */
public record FixedArms(double[] probabilities) implements TaskFamily {
    public FixedArms {
        probabilities = probabilities.clone();
        ArmCount.require(probabilities.length);
    }

    @Override
    public int arms() {
        return probabilities.length;
    }

    @Override
    public String description() {
        return "fixed p = " + Arrays.toString(probabilities) + ", reward 1";
    }

    @Override
    public Bandit sample(SplittableRandom rng) {
        return BernoulliBandit.ofProbabilities(probabilities, rng);
    }

    @Override
    public RewardKind rewardKind() {
        return RewardKind.ZERO_ONE;
    }

    @Override
    public boolean meansFixed() {
        return true;
    }
}
