package l2rl.twostep;

import java.util.SplittableRandom;

import l2rl.env.TwoStep;

/**
 * The ideal observer of TwoStep-v0: the exact posterior over which second-stage state is the good one (prior 1/2
 * each), acting greedily on it. A reward in S2 multiplies the odds that S2 is good by 0.9 / 0.1 = 9, no reward
 * divides them by 9, and S3's outcomes the reverse, so the posterior is the log-odds L = ln 9 x (evidence count).
 * It takes a1 when L > 0 (a1 commonly leads to S2), a2 when L < 0, either at random on a tie; the second-stage
 * action does not matter here.
 *
 * <p>Greedy is Bayes-optimal here, as for the dependent bandits: both second-stage states are equally informative
 * (one outcome moves L by ln 9 whichever state pays it), so no choice buys information another does not, and the
 * choice of higher posterior reward is the best one at every trial. Its reward rate is the ceiling of the task.
 */
public final class IdealObserver implements TwoStepLearner {
    private int evidence;  // rewards in S2 and non-rewards in S3, minus the opposite: L = ln 9 x evidence

    @Override
    public String name() {
        return "ideal-observer";
    }

    @Override
    public void reset(TwoStep family) {
        if (family.kind() != TwoStep.Kind.FIXED) {
            throw new IllegalArgumentException("the ideal observer is exact for TwoStep-v0's fixed good state only");
        }
        evidence = 0;
    }

    /** The posterior probability that S2 is the good state. */
    public double posteriorS2Good() {
        return 1 / (1 + Math.pow(TwoStep.BAD / TwoStep.GOOD, evidence));
    }

    @Override
    public int act(int state, SplittableRandom rng) {
        int coin = rng.nextInt(2);  // drawn at every step, so the action stream stays aligned
        if (state != TwoStep.S1 || evidence == 0) {
            return coin;
        }
        return evidence > 0 ? 0 : 1;
    }

    @Override
    public String toString() {
        return "ideal observer: the exact posterior over which state is good, greedy";
    }

    @Override
    public void learn(TwoStep.Trial trial) {
        boolean towardS2 = trial.rewarded() == (trial.secondStage() == 0);
        evidence += towardS2 ? 1 : -1;
    }
}
