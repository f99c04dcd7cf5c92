package l2rl.env;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The control for paper 3.1.3: the eleven arms of {@link ElevenArmedWithIndex}, a target uniform over arms 1-10
 * paying 5 and nine arms paying 1, but arm 11 pays an index k / 10 with k ~ U{1..10} drawn independently of the
 * target, so it says nothing about where the target is. Its rewards take the same eleven values, one-hot as there,
 * so an agent trained on the informative task plays this one unchanged.
 *
 * <p>With arm 11 worth nothing as a clue, the Bayes-optimal policy searches arms 1-10 without replacement until it
 * finds the target: expected regret R_5 = 4 x E[min(N - 1, 5)] = 4 x 3.5 = 14, with N the target's place in the
 * search (uniform on 1..10).
 */
public record ElevenArmedUninformative() implements TaskFamily {

    @Override
    public int arms() {
        return 11;
    }

    @Override
    public int defaultTrials() {
        return 5;
    }

    @Override
    public String description() {
        return "11 arms, target j ~ U{1..10} pays 5, others 1, arm 11 pays k/10 with k ~ U{1..10} independent of j,"
                + " reward one-hot";
    }

    @Override
    public Bandit sample(SplittableRandom rng) {
        int target = rng.nextInt(10);
        int index = 1 + rng.nextInt(10);
        var p = new double[11];
        var r = new double[11];
        Arrays.fill(p, 1.0);
        for (int a = 0; a < 10; a++) {
            r[a] = a == target ? ElevenArmedWithIndex.TARGET_PAYOFF : 1.0;
        }
        r[10] = index / 10.0;
        return new ElevenArmedWithIndex.Arms(new BernoulliBandit(p, r, rng), target, index);
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
    public RewardEncoding rewardEncoding() {
        return ElevenArmedWithIndex.REWARD_VALUES;
    }

    @Override
    public Optional<ExactPrior> exactPrior() {
        return Optional.of(new ExactPrior.TargetAmongTen(false));
    }

    /** The same as the informative task's, so that the two train alike. */
    @Override
    public Map<String, String> trainingDefaults() {
        return new ElevenArmedWithIndex().trainingDefaults();
    }
}
