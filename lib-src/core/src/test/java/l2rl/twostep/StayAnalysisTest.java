package l2rl.twostep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.env.TwoStep;

/**
 * The analysis proven on learners whose control is known before it is applied to the agent: on Daw's drifting
 * task the textbook predictions hold, and on the paper's task Akam et al.'s correction separates a model-free
 * learner from a model-based one where the uncorrected interaction cannot. 1,000 episodes each, seed 2016.
 */
class StayAnalysisTest {
    private static final long SEED = 2016;

    private static StayAnalysis.Report analyse(TwoStepLearner learner, String id) {
        var tasks = new TaskSet(Tasks.family(id), SEED, 1000);
        return StayAnalysis.of(learner.name(), TwoStepPlay.play(learner, tasks, SEED), SEED);
    }

    @Test
    void onDawsDriftingTaskModelFreeShowsTheRewardEffectAndModelBasedTheInteraction() {
        var family = (TwoStep) Tasks.family(Tasks.TWO_STEP_DRIFT);
        var mf = analyse(ModelFree.tuned(family), Tasks.TWO_STEP_DRIFT);
        var mb = analyse(ModelBased.tuned(family), Tasks.TWO_STEP_DRIFT);
        assertTrue(mf.get("reward").low() > 0, "model-free reward effect " + mf.get("reward"));
        assertTrue(mb.get("interaction").low() > 0, "model-based interaction " + mb.get("interaction"));
        // The tuned learner (lambda 0) keeps a trace of Akam's confound even here, +0.026 +- 0.024 at this seed
        // (+0.022 to +0.032 on four seeds), under 2% of the model-based learner's; corrected, it is gone.
        assertTrue(mf.value("interaction") < 0.05 * mb.value("interaction"), "model-free " + mf.get("interaction"));
        assertTrue(mf.get("interaction_corrected").contains(0), "model-free corrected " + mf.get("interaction_corrected"));
        // Daw's textbook model-free learner, lambda = 1 (reward credited to the first-stage choice in full)
        var textbook = analyse(new ModelFree(0.5, 1, 12), Tasks.TWO_STEP_DRIFT);
        assertTrue(textbook.get("reward").low() > 0, "lambda = 1 reward effect " + textbook.get("reward"));
        assertTrue(textbook.get("interaction").contains(0), "lambda = 1 interaction " + textbook.get("interaction"));
    }

    @Test
    void onThePapersTaskTheCorrectedInteractionSeparatesModelFreeFromModelBased() {
        var family = (TwoStep) Tasks.family(Tasks.TWO_STEP);
        var mf = analyse(ModelFree.tuned(family), Tasks.TWO_STEP);
        var mb = analyse(ModelBased.tuned(family), Tasks.TWO_STEP);
        // the trap: uncorrected, the model-free learner looks model-based
        assertTrue(mf.get("interaction").low() > 0, "model-free uncorrected interaction " + mf.get("interaction"));
        assertTrue(mf.get("interaction_corrected").contains(0), "model-free corrected "
                + mf.get("interaction_corrected"));
        // Akam et al.'s c alone leaves the tuned learner's state-value term in the interaction (StayAnalysis)
        assertTrue(mf.akamInteraction().high() < 0, "model-free, c alone " + mf.akamInteraction());
        assertTrue(mb.get("interaction_corrected").low() > 0, "model-based corrected "
                + mb.get("interaction_corrected"));
    }

    @Test
    void stayProbabilitiesAndRewardRateAreTheRawFrequencies() {
        var tasks = new TaskSet(Tasks.family(Tasks.TWO_STEP), 3, 40);
        var trials = TwoStepPlay.play(new IdealObserver(), tasks, 3);
        long n = 0;
        long stays = 0;
        for (var episode : trials) {
            for (int t = 0; t + 1 < episode.length; t++) {
                if (episode[t].rewarded() && episode[t].common()) {
                    n++;
                    stays += episode[t + 1].choice() == episode[t].choice() ? 1 : 0;
                }
            }
        }
        var report = StayAnalysis.of("ideal-observer", trials, 3);
        assertEquals((double) stays / n, report.value("stay_rewarded_common"), 1e-12);
        assertEquals(TwoStepPlay.rewardRate(trials), report.value("reward_rate"), 1e-12);
        assertEquals(StayAnalysis.QUANTITIES, java.util.List.copyOf(report.quantities().keySet()));
    }

    @Test
    void theIdealObserverIsTheCeiling() {
        var family = (TwoStep) Tasks.family(Tasks.TWO_STEP);
        var io = analyse(new IdealObserver(), Tasks.TWO_STEP);
        var mb = analyse(ModelBased.tuned(family), Tasks.TWO_STEP);
        var mf = analyse(ModelFree.tuned(family), Tasks.TWO_STEP);
        assertTrue(io.value("reward_rate") > mb.value("reward_rate"));
        assertTrue(mb.value("reward_rate") > mf.value("reward_rate"));
        // after the first outcome the ideal observer heads for the likelier good state: at most 0.75 x 0.9 + 0.25 x 0.1
        assertTrue(io.value("reward_rate") < 0.7 + 1e-9 + 0.02);
        assertFalse(Double.isNaN(io.value("stay_rewarded_rare")));
        // a deterministic policy's stays separate the regression: reported as such, not as a number
        assertTrue(Double.isNaN(io.value("interaction")), "" + io.get("interaction"));
    }

    @Test
    void theIdealObserversPosteriorMovesByTheLikelihoodRatio() {
        var io = new IdealObserver();
        io.reset((TwoStep) Tasks.family(Tasks.TWO_STEP));
        assertEquals(0.5, io.posteriorS2Good(), 1e-12);
        io.learn(new TwoStep.Trial(0, 0, true, 0, true, 0));   // rewarded in S2: odds x 9
        assertEquals(0.9, io.posteriorS2Good(), 1e-12);
        io.learn(new TwoStep.Trial(0, 1, false, 0, false, 0)); // unrewarded in S3: odds x 9 again
        assertEquals(81.0 / 82, io.posteriorS2Good(), 1e-12);
        io.learn(new TwoStep.Trial(1, 0, false, 0, false, 0)); // unrewarded in S2: odds / 9
        assertEquals(0.9, io.posteriorS2Good(), 1e-12);
    }
}
