package l2rl.twostep;

import java.util.SplittableRandom;

import l2rl.env.TwoStep;

/**
 * The model-based learner of Daw et al. 2011: it knows the transition probabilities and learns only the
 * second-stage values Q2(s, a) (starting at 0, delta rule with rate alpha). At the first stage it plans one step
 * ahead, Q_MB(a1) = P(S2 | a1) max_a Q2(S2, a) + P(S3 | a1) max_a Q2(S3, a), and chooses by a softmax of inverse
 * temperature beta (the same softmax at the second stage). So a reward after a rare transition makes it switch
 * first-stage actions: the reward x transition interaction.
 */
public final class ModelBased implements TwoStepLearner {
    private final double alpha;
    private final double beta;
    private final double[][] q2 = new double[2][2];
    private double common;

    public ModelBased(double alpha, double beta) {
        this.alpha = alpha;
        this.beta = beta;
    }

    /** The settings of highest reward rate on {@code family}'s version ({@link ReferenceLearners}). */
    public static ModelBased tuned(TwoStep family) {
        var s = ReferenceLearners.modelBased(family.kind());
        return new ModelBased(s[0], s[1]);
    }

    @Override
    public String name() {
        return "model-based";
    }

    @Override
    public void reset(TwoStep family) {
        common = family.commonTransition();
        for (var q : q2) {
            q[0] = q[1] = 0;
        }
    }

    @Override
    public int act(int state, SplittableRandom rng) {
        if (state == TwoStep.S1) {
            double v2 = Math.max(q2[0][0], q2[0][1]);
            double v3 = Math.max(q2[1][0], q2[1][1]);
            double qA1 = common * v2 + (1 - common) * v3;
            double qA2 = (1 - common) * v2 + common * v3;
            return TwoStepLearner.softmax(qA1, qA2, beta, rng);
        }
        var q = q2[state - TwoStep.S2];
        return TwoStepLearner.softmax(q[0], q[1], beta, rng);
    }

    @Override
    public void learn(TwoStep.Trial trial) {
        var q = q2[trial.secondStage()];
        q[trial.secondAction()] += alpha * ((trial.rewarded() ? 1 : 0) - q[trial.secondAction()]);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "model-based: alpha %.2f, beta %.1f", alpha, beta);
    }
}
