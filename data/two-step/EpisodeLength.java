import java.util.Locale;

import l2rl.env.TaskSet;
import l2rl.env.TwoStep;
import l2rl.twostep.IdealObserver;
import l2rl.twostep.ReferenceLearners;
import l2rl.twostep.TwoStepPlay;

/**
 * How long TwoStep-v0's episodes are, which the paper does not say: for each candidate length, the reference
 * learners are tuned at that length (ReferenceLearners.gridSearch, 2,000 episodes of the tuning seed) and then play
 * 2,000 episodes of seed 1 beside the ideal observer. Criterion: the shortest length at which both reach 80% of the
 * ideal observer's gain over chance (reward rate - 0.5). Run from the repository root:
 *
 *   java -cp "$(./l2rl classpath)" data/two-step/EpisodeLength.java > data/two-step/episode-length.txt
 */
public class EpisodeLength {
    public static void main(String[] args) {
        System.out.println("trials  ideal  model-free (share of gain; setting)               model-based (share; setting)");
        for (int trials : new int[] {10, 20, 30, 50, 75, 100}) {
            var family = new TwoStep(TwoStep.Kind.FIXED, trials);
            var mf = ReferenceLearners.gridSearch(family, true, 2000).get(0).learner();
            var mb = ReferenceLearners.gridSearch(family, false, 2000).get(0).learner();
            var tasks = new TaskSet(family, 1, 2000);
            double ideal = TwoStepPlay.rewardRate(TwoStepPlay.play(new IdealObserver(), tasks, 1));
            double free = TwoStepPlay.rewardRate(TwoStepPlay.play(mf, tasks, 1));
            double based = TwoStepPlay.rewardRate(TwoStepPlay.play(mb, tasks, 1));
            System.out.println(String.format(Locale.ROOT, "%6d  %.4f  %.4f (%3.0f%%; %s)  %.4f (%3.0f%%; %s)", trials, ideal,
                    free, 100 * (free - 0.5) / (ideal - 0.5), mf, based, 100 * (based - 0.5) / (ideal - 0.5), mb));
        }
    }
}
