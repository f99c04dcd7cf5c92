package l2rl.env;

import java.util.SplittableRandom;

/**
 * A small drifting family, written on the task contract as a user would write it: two Bernoulli arms paying 1 with
 * probabilities (0.8, 0.2), whose better arm reverses at a trial k ~ U{1..T-1} drawn from the task's own stream;
 * from trial k on the probabilities are (0.2, 0.8). The reversal does not depend on the actions, so every policy
 * meets the same task path.
 */
record ReversalBandit(int trials) implements TaskFamily {
    static final double HIGH = 0.8;
    static final double LOW = 0.2;

    @Override
    public int arms() {
        return 2;
    }

    @Override
    public int defaultTrials() {
        return trials;
    }

    @Override
    public String description() {
        return "2 arms, p = (0.8, 0.2), reversed from a trial k ~ U{1.." + (trials - 1) + "} on";
    }

    @Override
    public Task sample(SplittableRandom rng) {
        return new Reversal(1 + rng.nextInt(trials - 1), rng.split());
    }

    @Override
    public RewardKind rewardKind() {
        return RewardKind.ZERO_ONE;
    }

    @Override
    public boolean meansFixed() {
        return false;
    }

    /** One episode: the trial of the reversal and the stream of the rewards. */
    static final class Reversal implements Task {
        private final int reversal;
        private final SplittableRandom rewards;
        private final double[] p = {HIGH, LOW};
        private int trial;

        Reversal(int reversal, SplittableRandom rewards) {
            this.reversal = reversal;
            this.rewards = rewards;
        }

        /** k, the first trial at which arm 1 is the better one. */
        int reversal() {
            return reversal;
        }

        @Override
        public int arms() {
            return 2;
        }

        @Override
        public double[] expectedRewards() {
            return p;
        }

        @Override
        public double pull(int arm) {
            double reward = rewards.nextDouble() < p[arm] ? 1 : 0;
            trial++;
            if (trial == reversal) {
                p[0] = LOW;
                p[1] = HIGH;
            }
            return reward;
        }

        @Override
        public Task restart(SplittableRandom rng) {
            return new Reversal(reversal, rng);
        }
    }
}
