package l2rl.env;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import l2rl.agent.ActorCritic;
import l2rl.agent.AgentSpec;
import l2rl.agent.MetaRlAgent;
import l2rl.agent.TaskBatch;
import l2rl.baseline.BanditPolicy;
import l2rl.baseline.Baselines;
import l2rl.eval.EpisodeTrace;
import l2rl.eval.Evaluation;
import l2rl.eval.RegretReport;

/** A task whose means drift needs no code outside its own class: regret is recorded at each pull, everywhere. */
class DriftingTaskTest {
    private static final int T = 10;
    private static final TaskSet TASKS = new TaskSet(new ReversalBandit(T), 3, 40);

    /** Always pulls arm {@code arm}. */
    private record Always(int arm) implements BanditPolicy {
        @Override
        public String name() {
            return "always-" + arm;
        }

        @Override
        public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
            return arm;
        }
    }

    private static int reversal(int episode) {
        return ((ReversalBandit.Reversal) TASKS.task(episode).task()).reversal();
    }

    /** By hand: arm 0 costs nothing before the reversal at k, then 0.8 - 0.2 at each of the T - k trials left. */
    private static double handRegretOfArm0(int episode) {
        return (T - reversal(episode)) * (ReversalBandit.HIGH - ReversalBandit.LOW);
    }

    @Test
    void evaluationRecordsTheRegretOfEachPullAtThatTrial() {
        var report = Evaluation.run(new Always(0), TASKS, T);
        var arm1 = Evaluation.run(new Always(1), TASKS, T);
        for (int e = 0; e < TASKS.episodes(); e++) {
            assertEquals(handRegretOfArm0(e), report.episodeRegret()[e], 1e-12, "episode " + e);
            // arm 1 costs 0.6 at each of the k trials before the reversal, nothing after
            assertEquals(reversal(e) * 0.6, arm1.episodeRegret()[e], 1e-12, "episode " + e);
        }
        var trace = EpisodeTrace.play(new Always(0), TASKS.task(0), T, new SplittableRandom(1));
        for (int t = 0; t < T; t++) {
            assertEquals(t < reversal(0) ? 0.0 : 0.6, trace.regrets()[t], 1e-12, "trial " + t);
        }
    }

    @Test
    void aReportReplayingTheArmsMeetsTheSameTaskPath() {
        var arms = new int[TASKS.episodes()][T];
        var replayed = RegretReport.of("always-0", TASKS, T, arms);
        assertArrayEquals(Evaluation.run(new Always(0), TASKS, T).episodeRegret(), replayed.episodeRegret(), 1e-12);
    }

    @Test
    void theTrainersBatchAndTheAgentRecordTheSameRegret() {
        var spec = AgentSpec.of(TASKS.family(), 4, T, true);
        var tasks = new CheckedTask[TASKS.episodes()];
        for (int e = 0; e < tasks.length; e++) {
            tasks[e] = TASKS.task(e);
        }
        var batch = new TaskBatch(spec, tasks);
        var act = new int[tasks.length];
        var rewards = new float[tasks.length];
        var regrets = new double[tasks.length];
        var total = new double[tasks.length];
        while (!batch.done()) {
            batch.step(act, rewards, regrets);
            for (int b = 0; b < total.length; b++) {
                total[b] += regrets[b];
            }
        }
        for (int e = 0; e < total.length; e++) {
            assertEquals(handRegretOfArm0(e), total[e], 1e-12);
        }
        var agent = new MetaRlAgent(spec, ActorCritic.initialParameters(spec, new SplittableRandom(2)));
        var played = agent.playEpisodes(TASKS, T, 5, 16, MetaRlAgent.ActionRule.SAMPLE);
        assertArrayEquals(RegretReport.of("agent", TASKS, T, played.arms()).episodeRegret(),
                RegretReport.ofRegrets("agent", played.regrets()).episodeRegret(), 1e-12);
    }

    @Test
    void onlyPoliciesThatDoNotAssumeFixedMeansAreOffered() {
        var names = Baselines.forFamily(TASKS.family(), T).stream().map(BanditPolicy::name).toList();
        assertEquals(List.of("random"), names);
    }
}
