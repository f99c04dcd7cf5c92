package l2rl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import l2rl.baseline.RandomPolicy;
import l2rl.eval.EpisodeTrace;
import l2rl.eval.Evaluation;
import l2rl.eval.ResultTables;

/** A family that declares no per-step regret (a trial of several decisions) is reported by its reward rate. */
class NoPerStepRegretTest {

    /**
     * Two actions per decision; a trial is two decisions and pays only at its second, 1 if the two actions were
     * equal. No decision has an expected reward of its own: it depends on the next one.
     */
    private record RepeatToWin() implements TaskFamily {
        @Override
        public int arms() {
            return 2;
        }

        @Override
        public String description() {
            return "trials of two decisions, paying 1 when both take the same action";
        }

        @Override
        public Task sample(SplittableRandom rng) {
            return new Task() {
                int decision;
                int first;

                @Override
                public int arms() {
                    return 2;
                }

                @Override
                public double[] expectedRewards() {
                    throw new AssertionError("not asked of a family without per-step regret");
                }

                @Override
                public double pull(int arm) {
                    boolean second = decision++ % 2 == 1;
                    if (!second) {
                        first = arm;
                        return 0;
                    }
                    return arm == first ? 1 : 0;
                }
            };
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
        public boolean perStepRegret() {
            return false;
        }
    }

    @Test
    void reportsShowTheRewardRateInsteadOfRegret() {
        var tasks = new TaskSet(new RepeatToWin(), 4, 50);
        var report = Evaluation.run(new RandomPolicy(), tasks, 20);
        assertFalse(report.hasRegret());
        double paid = 0;
        for (int e = 0; e < tasks.episodes(); e++) {
            var trace = EpisodeTrace.play(new RandomPolicy(), tasks.task(e), 20, Seeds.rng(4, "policy", e));
            paid += java.util.Arrays.stream(trace.rewards()).sum();
            assertTrue(Double.isNaN(trace.regrets()[0]));
        }
        assertEquals(paid / (50 * 20), report.rewardRate(), 1e-12);
        var csv = ResultTables.csv(ResultTables.regretTable("t", List.of(report)));
        assertTrue(csv.startsWith("policy,reward_rate,reward_rate_ci95\nrandom,"), csv);
        assertTrue(report.toString().startsWith("random: reward rate = "), report.toString());
    }
}
