package l2rl.agent;

import static l2rl.agent.ActorCriticEnginesTest.forwardBackward;
import static l2rl.agent.ActorCriticEnginesTest.randomParameters;
import static l2rl.agent.ActorCriticEnginesTest.randomRollout;
import static l2rl.agent.ActorCriticEnginesTest.worstFiniteDifferenceError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The fused GRU: its forward pass against values worked out by hand, its gradient against central finite
 * differences (in double) from a zero state, from a carried one and over a truncated rollout, as the LSTM's.
 */
class FusedGruActorCriticTest {

    static AgentSpec gru(int arms, int hidden, int trials) {
        return new AgentSpec(arms, hidden, trials, true, 0, 0, Cell.GRU);
    }

    @Test
    void theLayoutCountsThreeGatesAndTheRecurrentCandidateBias() {
        var spec = gru(2, 56, 100);
        var layout = ParameterLayout.of(spec);
        assertEquals(3 * 56, layout.gates());
        // 3H (I + H + 1) + H for the cell, then the heads: at input 4, 10,475 (LSTM(48): 10,323)
        assertEquals(3 * 56 * (4 + 56 + 1) + 56 + 56 * 2 + 2 + 56 + 1, layout.size());
        assertEquals(10_475, spec.parameterCount());
        assertEquals(10_323, new AgentSpec(2, 48, 100, true).parameterCount());
        assertEquals(layout.bn() + 56, layout.wp());
        assertEquals(java.util.List.of("W", "R", "b", "bn", "Wp", "bp", "Wv", "bv"),
                layout.blocks().stream().map(ParameterLayout.Block::name).toList());
    }

    @Test
    void oneStepOfATinyGruMatchesTheEquationsWorkedByHand() {
        // 1 arm, 1 unit: input [one-hot previous action, previous reward, t/T], 20 parameters
        var spec = gru(1, 1, 4);
        var layout = ParameterLayout.of(spec);
        assertEquals(20, layout.size());
        var p = new double[layout.size()];
        // input weights of the reward input (row 1): r, z, n
        p[layout.w() + 3] = 0.4;
        p[layout.w() + 4] = -0.3;
        p[layout.w() + 5] = 0.8;
        p[layout.r()] = 0.2;       // R_r
        p[layout.r() + 1] = 0.5;   // R_z
        p[layout.r() + 2] = -0.6;  // R_n
        p[layout.b()] = 0.1;
        p[layout.b() + 1] = 0.2;
        p[layout.b() + 2] = -0.1;
        p[layout.bn()] = 0.7;
        p[layout.wv()] = 1;        // V = h[1]
        var net = new FusedGruActorCritic(spec);
        net.setParameters(p);
        var ro = new Rollout(spec, 1, 1);
        ro.startEpisode();
        ro.h[0] = 0.5;
        ro.x[1] = 0.5;             // previous reward 0.5; the other inputs 0
        net.act(ro, 0);
        // r = sigmoid(0.1 + 0.5*0.4 + 0.5*0.2) = sigmoid(0.4);  z = sigmoid(0.2 - 0.5*0.3 + 0.5*0.5) = sigmoid(0.3)
        // u = 0.5*(-0.6) + 0.7 = 0.4;  n = tanh(-0.1 + 0.5*0.8 + r u);  h[1] = (1 - z) n + z 0.5
        assertEquals(0.598687660112452, ro.gates[0], 1e-15);
        assertEquals(0.574442516811659, ro.gates[1], 1e-15);
        assertEquals(0.4, ro.candidate[0], 1e-15);
        assertEquals(0.49259050683004535, ro.gates[2], 1e-15);
        assertEquals(0.4968468347348929, ro.h[1], 1e-15);
        assertEquals(0.4968468347348929, ro.values[0], 1e-15);
        assertEquals(1.0, ro.probs[0], 1e-15);
    }

    @Test
    void gradientMatchesFiniteDifferencesFromAZeroState() {
        var spec = gru(2, 3, 5);
        var rollout = randomRollout(spec, 2, 5, false, new SplittableRandom(7));
        double worst = worstFiniteDifferenceError(spec, rollout, 1);
        assertTrue(worst < 1e-6, "worst relative gradient error " + worst);
    }

    @Test
    void gradientMatchesFiniteDifferencesFromANonZeroStartState() {
        var spec = gru(3, 4, 10);
        var rollout = randomRollout(spec, 3, 4, true, new SplittableRandom(8));
        double worst = worstFiniteDifferenceError(spec, rollout, 2);
        assertTrue(worst < 1e-6, "worst relative gradient error " + worst);
    }

    @Test
    void gradientOfATruncatedRolloutMatchesFiniteDifferences() {
        // the second rollout of an episode starts where the first (same weights) ended; its loss alone is
        // differentiated with that state held fixed (truncated BPTT)
        var spec = gru(2, 4, 10);
        var rng = new SplittableRandom(9);
        var first = randomRollout(spec, 2, 3, false, rng);
        var net = new FusedGruActorCritic(spec);
        net.setParameters(randomParameters(spec, new SplittableRandom(3)));
        for (int t = 0; t < 3; t++) {
            net.act(first, t);
        }
        var second = randomRollout(spec, 2, 4, false, rng);
        System.arraycopy(first.h, 3 * 2 * 4, second.h, 0, 2 * 4);
        assertTrue(second.h[0] != 0, "the truncated rollout must start from a non-zero state");
        double worst = worstFiniteDifferenceError(spec, second, 3);
        assertTrue(worst < 1e-6, "worst relative gradient error " + worst);
    }

    @Test
    void everyParameterBlockReceivesGradient() {
        var spec = gru(2, 3, 5);
        var net = new FusedGruActorCritic(spec);
        net.setParameters(randomParameters(spec, new SplittableRandom(4)));
        var grad = new double[spec.parameterCount()];
        forwardBackward(net, randomRollout(spec, 2, 5, false, new SplittableRandom(4)), grad);
        for (var block : ParameterLayout.of(spec).blocks()) {
            double norm = 0;
            for (int i = block.offset(); i < block.offset() + block.size(); i++) {
                norm += grad[i] * grad[i];
            }
            assertTrue(norm > 0, "no gradient for " + block.name());
        }
    }

    @Test
    void rolloutsOfOneTrialCarryingTheStateSeeWhatOneLongRolloutSees() {
        var spec = gru(2, 8, 6);
        var net = ActorCritic.Engine.FUSED_DOUBLE.create(spec);
        assertTrue(net instanceof FusedGruActorCritic);
        ActorCriticEnginesTest.assertOneTrialRolloutsSeeTheLongRollout(net, spec, 1e-15, "");
    }

    @Test
    void theSameDiffEngineRefusesTheGru() {
        var e = assertThrows(IllegalArgumentException.class, () -> ActorCritic.Engine.SAMEDIFF.create(gru(2, 4, 5)));
        assertTrue(e.getMessage().contains("samediff") && e.getMessage().contains("gru"), e.getMessage());
    }
}
