package l2rl.twostep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import l2rl.agent.AgentSpec;
import l2rl.agent.MetaRlAgent;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.env.TwoStep;

/** The agent's trials, recovered by replaying its steps on fresh copies of the tasks, are the trials it played. */
class TwoStepPlayTest {

    @Test
    void replayingTheAgentsStepsGivesTheRewardsItWasPaid() {
        var family = (TwoStep) Tasks.family(Tasks.TWO_STEP_DRIFT);
        var spec = AgentSpec.of(family, 8, family.defaultTrials(), true);
        var rng = new SplittableRandom(12);
        var parameters = new float[spec.parameterCount()];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = (float) (rng.nextGaussian() * 0.5);
        }
        var agent = new MetaRlAgent(spec, parameters);
        var tasks = new TaskSet(family, 6, 7);
        var played = agent.playEpisodes(tasks, family.defaultTrials(), 6, 50, MetaRlAgent.ActionRule.SAMPLE);
        var trials = TwoStepPlay.play(agent, tasks, 6);
        for (int e = 0; e < tasks.episodes(); e++) {
            assertEquals(family.trialsPerEpisode(), trials[e].length);
            for (int t = 0; t < trials[e].length; t++) {
                assertEquals(played.arms()[e][2 * t], trials[e][t].choice(), "episode " + e + " trial " + t);
                assertEquals(played.arms()[e][2 * t + 1], trials[e][t].secondAction());
                assertEquals(0.0, played.rewards()[e][2 * t], "step 1 pays nothing");
                assertEquals(trials[e][t].rewarded() ? 1.0 : 0.0, played.rewards()[e][2 * t + 1]);
            }
        }
    }
}
