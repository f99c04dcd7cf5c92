package l2rl.env;

import java.util.SplittableRandom;

/**
 * A two-armed test family that keeps the task contract, or breaks exactly one of its rules from decision
 * {@code breakAt} on. With an observation of {@code observationSize} values (the trial number, then zeros) and, if
 * {@code oneHot}, rewards encoded one-hot over {0, 1}.
 */
record ContractFamily(Rule rule, int breakAt, int observationSize, boolean oneHot) implements TaskFamily {

    enum Rule {
        KEPT, WRONG_NUMBER_OF_EXPECTED_REWARDS, NAN_EXPECTED_REWARD, INFINITE_EXPECTED_REWARD, REWARD_OF_OTHER_KIND,
        NAN_REWARD, REWARD_INDEX_OUT_OF_RANGE, REWARD_INDEX_OF_ANOTHER_VALUE, OBSERVATION_OF_WRONG_SIZE,
        NAN_OBSERVATION, WRONG_NUMBER_OF_ARMS
    }

    static ContractFamily breaking(Rule rule) {
        return new ContractFamily(rule, 3, 0, false);
    }

    @Override
    public int arms() {
        return 2;
    }

    @Override
    public int defaultTrials() {
        return 10;
    }

    @Override
    public String description() {
        return "2 arms, p = (0.7, 0.3), " + rule;
    }

    @Override
    public Task sample(SplittableRandom rng) {
        return new Episode(rng.split());
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
    public int observationSize() {
        return observationSize;
    }

    @Override
    public RewardEncoding rewardEncoding() {
        return oneHot ? RewardEncoding.oneHot(0, 1) : RewardEncoding.scalar();
    }

    private final class Episode implements Task {
        private final SplittableRandom rng;
        private final double[] p = {0.7, 0.3};
        private final double[] observation = new double[observationSize];
        private int decision;
        private int lastIndex;

        Episode(SplittableRandom rng) {
            this.rng = rng;
        }

        private boolean breaks(Rule r) {
            return rule == r && decision >= breakAt;
        }

        @Override
        public int arms() {
            return rule == Rule.WRONG_NUMBER_OF_ARMS ? 3 : 2;
        }

        @Override
        public double[] expectedRewards() {
            if (breaks(Rule.WRONG_NUMBER_OF_EXPECTED_REWARDS)) {
                return new double[] {0.7};
            }
            if (breaks(Rule.NAN_EXPECTED_REWARD)) {
                return new double[] {0.7, Double.NaN};
            }
            if (breaks(Rule.INFINITE_EXPECTED_REWARD)) {
                return new double[] {Double.POSITIVE_INFINITY, 0.3};
            }
            return p;
        }

        @Override
        public double pull(int arm) {
            double reward = rng.nextDouble() < p[arm] ? 1 : 0;
            lastIndex = (int) reward;
            if (breaks(Rule.REWARD_OF_OTHER_KIND)) {
                reward = 0.5;
            } else if (breaks(Rule.NAN_REWARD)) {
                reward = Double.NaN;
            } else if (breaks(Rule.REWARD_INDEX_OUT_OF_RANGE)) {
                lastIndex = 2;
            } else if (breaks(Rule.REWARD_INDEX_OF_ANOTHER_VALUE)) {
                lastIndex = 1 - lastIndex;
            }
            decision++;
            return reward;
        }

        @Override
        public double[] observation() {
            if (breaks(Rule.OBSERVATION_OF_WRONG_SIZE)) {
                return new double[observationSize + 1];
            }
            if (observationSize > 0) {
                observation[0] = breaks(Rule.NAN_OBSERVATION) ? Double.NaN : decision;
            }
            return observation;
        }

        @Override
        public int rewardIndex() {
            return lastIndex;
        }

        @Override
        public Task restart(SplittableRandom rewards) {
            return new Episode(rewards);
        }
    }
}
