package l2rl.twostep;

import java.util.SplittableRandom;

import l2rl.env.TwoStep;

/**
 * A reference learner for the two-step task: it acts at each step from the state it observes and learns from each
 * finished trial. One instance plays one episode at a time; {@link #reset} starts the next.
 */
public interface TwoStepLearner {

    /** The name reports show (model-free, model-based, ideal-observer). */
    String name();

    /** Forgets everything learned: a new episode of {@code family} starts. */
    void reset(TwoStep family);

    /** The action (0 = a1, 1 = a2) in {@code state} ({@link TwoStep#S1}, S2 or S3), drawn from {@code rng}. */
    int act(int state, SplittableRandom rng);

    /** Learns from the trial just finished. */
    void learn(TwoStep.Trial trial);

    /**
     * An action drawn from a softmax of inverse temperature beta over the two actions' values; one uniform draw
     * either way, so a learner's action stream stays aligned whatever its values.
     */
    static int softmax(double q0, double q1, double beta, SplittableRandom rng) {
        double p1 = 1 / (1 + Math.exp(-beta * (q1 - q0)));
        return rng.nextDouble() < p1 ? 1 : 0;
    }
}
