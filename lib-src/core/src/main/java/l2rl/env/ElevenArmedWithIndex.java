package l2rl.env;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Paper 3.1.3: eleven deterministic arms. One of the first ten (the target, uniform) pays 5, the other nine
 * pay 1, and arm 11 pays the target's number (1..10) divided by 10, so it tells where the target is.
 */
public record ElevenArmedWithIndex() implements TaskFamily {
    public static final double TARGET_PAYOFF = 5.0;

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
        return "11 arms, target j ~ U{1..10} pays 5, others 1, arm 11 pays j/10";
    }

    @Override
    public Bandit sample(SplittableRandom rng) {
        int target = rng.nextInt(10);
        var p = new double[11];
        var r = new double[11];
        Arrays.fill(p, 1.0);
        for (int a = 0; a < 10; a++) {
            r[a] = a == target ? TARGET_PAYOFF : 1.0;
        }
        r[10] = (target + 1) / 10.0;
        return new BernoulliBandit(p, r, rng);
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
    public Map<String, String> trainingDefaults() {
        return Map.of("trials", "5");
    }
}
