package l2rl.twostep;

import java.util.ArrayList;
import java.util.List;

import l2rl.env.TaskSet;
import l2rl.env.TwoStep;

/**
 * The reference learners' settings: for each version of the task, those of highest reward rate (per trial) found by
 * {@link #gridSearch} on 4,000 episodes of seed {@link #TUNING_SEED}, a stream no report uses:
 * <pre>
 *                      model-free (alpha, lambda, beta)   rate     model-based (alpha, beta)   rate
 *   TwoStep-v0         0.2, 0.25, 12                      0.6663   0.3, 32                     0.6908
 *   TwoStepReversal-v0 0.7, 1,    16                      0.6492   0.7, 32                     0.6925
 *   TwoStepDrift-v0    0.5, 0,    12                      0.5408   0.7, 32                     0.5439
 * </pre>
 * The model-based learner's best beta is the grid's largest: its values are right, so the closer to greedy the
 * better (from beta 24 to 32 its rate rises by 0.0004-0.0006). On Daw's drifting task lambda hardly matters: the
 * best setting of each lambda from 0 to 1 lies within 0.0018 of the best (0.5390-0.5408). On TwoStep-v0 the best
 * lambda = 1 setting pays 0.6583, 0.008 below lambda = 0.25 (0.6663; 75 trials).
 */
public final class ReferenceLearners {
    /** The tasks and choices the settings were tuned on; reports use other seeds. */
    public static final long TUNING_SEED = 424242;
    public static final double[] ALPHAS = {0.1, 0.2, 0.3, 0.5, 0.7};
    public static final double[] LAMBDAS = {0, 0.25, 0.5, 0.75, 1};
    public static final double[] BETAS = {2, 4, 8, 12, 16, 24, 32};

    private ReferenceLearners() {
    }

    /** Model-free {alpha, lambda, beta} of highest reward rate on {@code kind}. */
    static double[] modelFree(TwoStep.Kind kind) {
        return switch (kind) {
            case FIXED -> new double[] {0.2, 0.25, 12};
            case REVERSAL -> new double[] {0.7, 1, 16};
            case DRIFT -> new double[] {0.5, 0, 12};
        };
    }

    /** Model-based {alpha, beta} of highest reward rate on {@code kind}. */
    static double[] modelBased(TwoStep.Kind kind) {
        return switch (kind) {
            case FIXED -> new double[] {0.3, 32};
            case REVERSAL -> new double[] {0.7, 32};
            case DRIFT -> new double[] {0.7, 32};
        };
    }

    /** The reference learners of {@code family}: model-free, model-based and, on TwoStep-v0, the ideal observer. */
    public static List<TwoStepLearner> of(TwoStep family) {
        var learners = new ArrayList<TwoStepLearner>(List.of(ModelFree.tuned(family), ModelBased.tuned(family)));
        if (family.kind() == TwoStep.Kind.FIXED) {
            learners.add(new IdealObserver());
        }
        return learners;
    }

    /** One setting's reward rate in a grid search. */
    public record Setting(TwoStepLearner learner, double rewardRate) {
    }

    /**
     * Every setting of the grid (ALPHAS x LAMBDAS x BETAS for model-free, ALPHAS x BETAS for model-based) on
     * {@code episodes} episodes of {@code family} from {@link #TUNING_SEED}, best reward rate first.
     */
    public static List<Setting> gridSearch(TwoStep family, boolean modelFree, int episodes) {
        var tasks = new TaskSet(family, TUNING_SEED, episodes);
        var settings = new ArrayList<Setting>();
        for (double alpha : ALPHAS) {
            for (double lambda : modelFree ? LAMBDAS : new double[] {Double.NaN}) {
                for (double beta : BETAS) {
                    TwoStepLearner learner = modelFree ? new ModelFree(alpha, lambda, beta) : new ModelBased(alpha, beta);
                    settings.add(new Setting(learner, TwoStepPlay.rewardRate(TwoStepPlay.play(learner, tasks,
                            TUNING_SEED))));
                }
            }
        }
        settings.sort((a, b) -> Double.compare(b.rewardRate(), a.rewardRate()));
        return settings;
    }
}
