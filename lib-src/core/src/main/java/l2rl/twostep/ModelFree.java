package l2rl.twostep;

import java.util.SplittableRandom;

import l2rl.env.TwoStep;

/**
 * Daw et al. 2011's model-free learner, SARSA(lambda) over the two stages: first-stage values Q1(a), second-stage
 * values Q2(s, a), all starting at 0, chosen by a softmax of inverse temperature beta at both stages (Daw's
 * perseveration term is left out: it adds no reward). After a trial a1 -> s -> a2 -> r:
 * <pre>
 *   delta1 = Q2(s, a2) - Q1(a1);   Q1(a1) += alpha * delta1              (the TD error at the transition)
 *   delta2 = r - Q2(s, a2);        Q2(s, a2) += alpha * delta2
 *                                  Q1(a1) += alpha * lambda * delta2     (the eligibility trace carries it back)
 * </pre>
 * Nothing in it knows the transition structure: the reward reaches the first-stage choice that preceded it,
 * whether the transition was common or rare.
 */
public final class ModelFree implements TwoStepLearner {
    private final double alpha;
    private final double lambda;
    private final double beta;
    private final double[] q1 = new double[2];
    private final double[][] q2 = new double[2][2];

    public ModelFree(double alpha, double lambda, double beta) {
        this.alpha = alpha;
        this.lambda = lambda;
        this.beta = beta;
    }

    /** The settings of highest reward rate on {@code family}'s version ({@link ReferenceLearners}). */
    public static ModelFree tuned(TwoStep family) {
        var s = ReferenceLearners.modelFree(family.kind());
        return new ModelFree(s[0], s[1], s[2]);
    }

    @Override
    public String name() {
        return "model-free";
    }

    @Override
    public void reset(TwoStep family) {
        q1[0] = q1[1] = 0;
        for (var q : q2) {
            q[0] = q[1] = 0;
        }
    }

    @Override
    public int act(int state, SplittableRandom rng) {
        if (state == TwoStep.S1) {
            return TwoStepLearner.softmax(q1[0], q1[1], beta, rng);
        }
        var q = q2[state - TwoStep.S2];
        return TwoStepLearner.softmax(q[0], q[1], beta, rng);
    }

    @Override
    public void learn(TwoStep.Trial trial) {
        int a1 = trial.choice();
        int s = trial.secondStage();
        int a2 = trial.secondAction();
        double delta1 = q2[s][a2] - q1[a1];
        q1[a1] += alpha * delta1;
        double delta2 = (trial.rewarded() ? 1 : 0) - q2[s][a2];
        q2[s][a2] += alpha * delta2;
        q1[a1] += alpha * lambda * delta2;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "model-free SARSA(lambda): alpha %.2f, lambda %.2f, beta %.1f",
                alpha, lambda, beta);
    }
}
