package l2rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import l2rl.agent.AgentSpec;
import l2rl.agent.Rollout;

class ReturnsTest {

    private static Rollout rollout(double[] rewards, double[] values) {
        var r = new Rollout(new AgentSpec(2, 3, 10, true), 1, rewards.length);
        System.arraycopy(rewards, 0, r.rewards, 0, rewards.length);
        System.arraycopy(values, 0, r.values, 0, values.length);
        r.setLength(rewards.length);
        return r;
    }

    @Test
    void lambdaOneGivesNStepReturnsBootstrappedAtTheRolloutsEnd() {
        var r = rollout(new double[] {1, 0, 1}, new double[] {0.5, 0.4, 0.7});
        Returns.compute(r, new double[] {2.0}, 1, 0.9, 1.0);
        // R_t = sum_k gamma^k r_{t+k} + gamma^{n-t} V_after
        assertEquals(1 + 0.9 * 0 + 0.81 * 1 + 0.729 * 2.0, r.returns[0], 1e-12);
        assertEquals(0 + 0.9 * 1 + 0.81 * 2.0, r.returns[1], 1e-12);
        assertEquals(1 + 0.9 * 2.0, r.returns[2], 1e-12);
        assertEquals(r.returns[1] - 0.4, r.advantages[1], 1e-12);
    }

    @Test
    void nothingIsBootstrappedAfterTheEpisodesEnd() {
        var r = rollout(new double[] {1, 1}, new double[] {0.3, 0.2});
        Returns.compute(r, new double[] {5.0}, 0, 0.8, 1.0);
        assertEquals(1 + 0.8, r.returns[0], 1e-12);
        assertEquals(1, r.returns[1], 1e-12);
    }

    @Test
    void lambdaZeroGivesOneStepTemporalDifferences() {
        var r = rollout(new double[] {1, 0}, new double[] {0.5, 0.4});
        Returns.compute(r, new double[] {2.0}, 1, 0.9, 0.0);
        assertEquals(1 + 0.9 * 0.4 - 0.5, r.advantages[0], 1e-12);
        assertEquals(0 + 0.9 * 2.0 - 0.4, r.advantages[1], 1e-12);
    }
}
