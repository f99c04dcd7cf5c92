package l2rl.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import l2rl.agent.MetaRlAgent.ActionRule;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;

/** Greedy play depends on the tasks alone; sampled play also on the action stream. */
class ActionRuleTest {
    private static final int TRIALS = 30;

    private final AgentSpec spec = new AgentSpec(2, 8, TRIALS, true);
    private final MetaRlAgent agent = new MetaRlAgent(spec,
            ActorCritic.initialParameters(spec, new SplittableRandom(3)));
    private final TaskSet tasks = new TaskSet(Tasks.family(Tasks.INDEPENDENT), 5, 40);

    @Test
    void greedyArmsDoNotDependOnTheActionSeed() {
        var greedy = agent.predict(tasks, TRIALS, 1, 16, ActionRule.GREEDY);
        assertArrayEquals(greedy, agent.predict(tasks, TRIALS, 2, 16, ActionRule.GREEDY));
        assertFalse(Arrays.deepEquals(agent.predict(tasks, TRIALS, 1, 16, ActionRule.SAMPLE),
                agent.predict(tasks, TRIALS, 2, 16, ActionRule.SAMPLE)), "sampled play must follow its seed");
    }

    @Test
    void greedyFirstTrialIsTheSameArmInEveryEpisode() {
        // Every episode starts from the same LSTM state and the same input, so from the same policy.
        var greedy = agent.predict(tasks, TRIALS, 1, 16, ActionRule.GREEDY);
        for (var episode : greedy) {
            assertEquals(greedy[0][0], episode[0]);
        }
    }

    @Test
    void mostProbableArmLooksOnlyAtItsSlot() {
        double[] p = {0.9, 0.1, 0.2, 0.5, 0.3, 0.3, 0.3, 0.7};
        assertEquals(0, MetaRlAgent.mostProbable(p, 0, 2));
        assertEquals(1, MetaRlAgent.mostProbable(p, 2, 2));
        assertEquals(0, MetaRlAgent.mostProbable(p, 4, 2), "a tie goes to the lower index");
        assertEquals(3, MetaRlAgent.mostProbable(p, 4, 4));
    }
}
