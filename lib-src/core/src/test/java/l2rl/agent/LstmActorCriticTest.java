package l2rl.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class LstmActorCriticTest {

    /** A random rollout of {@code batch} x {@code length} for a tiny agent; the first trial is masked out. */
    static Rollout randomRollout(AgentSpec spec, int batch, int length, SplittableRandom rng) {
        int n = batch * length;
        var inputs = new float[n * spec.inputSize()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) rng.nextDouble();
        }
        var actions = new int[n];
        var adv = new float[n];
        var ret = new float[n];
        var mask = new float[n];
        for (int i = 0; i < n; i++) {
            actions[i] = rng.nextInt(spec.arms());
            adv[i] = (float) (2 * rng.nextDouble() - 1);
            ret[i] = (float) (3 * rng.nextDouble());
            mask[i] = i % length == 0 ? 0f : 1f;
        }
        return new Rollout(batch, length, inputs, actions, adv, ret, mask);
    }

    @Test
    void gradientMatchesFiniteDifferencesInDoublePrecision() {
        var spec = new AgentSpec(2, 3, 5, true);
        var net = new LstmActorCritic(spec, DataType.DOUBLE);
        var rng = new SplittableRandom(7);
        var params = new double[net.parameterCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = rng.nextDouble() - 0.5;
        }
        net.setParameters(params);
        var rollout = randomRollout(spec, 2, 5, rng);
        double betaV = 0.05;
        double betaE = 0.3;
        var grad = new double[params.length];
        var losses = net.gradient(rollout, betaV, betaE, grad);
        assertEquals(losses.policyLoss() + betaV * losses.valueLoss() - betaE * losses.entropy(), losses.loss(), 1e-12);
        double eps = 1e-6;
        double worst = 0;
        for (int i = 0; i < params.length; i++) {
            double saved = params[i];
            params[i] = saved + eps;
            net.setParameters(params);
            double up = net.loss(rollout, betaV, betaE).loss();
            params[i] = saved - eps;
            net.setParameters(params);
            double down = net.loss(rollout, betaV, betaE).loss();
            params[i] = saved;
            double numeric = (up - down) / (2 * eps);
            double error = Math.abs(numeric - grad[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(grad[i]));
            worst = Math.max(worst, error);
        }
        assertTrue(worst < 1e-5, "worst relative gradient error " + worst);
        // every block of parameters receives gradient (the value head through beta_v, the policy head, the LSTM)
        for (int block = 0; block < LstmActorCritic.PARAMS.length; block++) {
            int from = net.blockOffset(block);
            int to = block + 1 < LstmActorCritic.PARAMS.length ? net.blockOffset(block + 1) : params.length;
            double norm = 0;
            for (int i = from; i < to; i++) {
                norm += grad[i] * grad[i];
            }
            assertTrue(norm > 0, "no gradient for " + LstmActorCritic.PARAMS[block]);
        }
    }

    @Test
    void lossTermsMatchTheirDefinitionsOnAKnownCase() {
        // All parameters zero: pi uniform, V = 0 everywhere.
        var spec = new AgentSpec(2, 3, 4, true);
        var net = new LstmActorCritic(spec, DataType.DOUBLE);
        var rollout = randomRollout(spec, 2, 4, new SplittableRandom(3));
        var l = net.loss(rollout, 0.05, 1.0);
        double advSum = 0;
        double sq = 0;
        for (int i = 0; i < 8; i++) {
            advSum += rollout.mask()[i] * rollout.advantages()[i];
            sq += rollout.mask()[i] * rollout.returns()[i] * (double) rollout.returns()[i];
        }
        assertEquals(-Math.log(0.5) * advSum / 2, l.policyLoss(), 1e-6);
        assertEquals(0.5 * sq / 2, l.valueLoss(), 1e-5);
        assertEquals(6 * Math.log(2) / 2, l.entropy(), 1e-9);
    }

    @Test
    void actingStepByStepSeesTheSameStateAsLearningOverTheWholeRollout() {
        var spec = new AgentSpec(2, 8, 6, true);
        var net = new LstmActorCritic(spec);
        net.setParameters(LstmActorCritic.initialParameters(spec, new SplittableRandom(11)));
        var rng = new SplittableRandom(5);
        int batch = 3;
        int length = 6;
        var rollout = randomRollout(spec, batch, length, rng);
        var whole = net.values(rollout);
        var state = net.zeroState(batch);
        int in = spec.inputSize();
        for (int t = 0; t < length; t++) {
            var x = new float[batch * in];
            for (int b = 0; b < batch; b++) {
                System.arraycopy(rollout.inputs(), (b * length + t) * in, x, b * in, in);
            }
            var step = net.step(x, state);
            for (int b = 0; b < batch; b++) {
                assertEquals(whole[b * length + t], step.values()[b], 1e-5, "b=" + b + " t=" + t);
            }
            state = step.state();
        }
    }

    @Test
    void directStepMatchesTheGraphStep() {
        var spec = new AgentSpec(3, 8, 6, true);
        var net = new LstmActorCritic(spec);
        net.setParameters(LstmActorCritic.initialParameters(spec, new SplittableRandom(2)));
        var rng = new SplittableRandom(9);
        int batch = 4;
        var direct = net.zeroState(batch);
        var graph = net.zeroState(batch);
        for (int t = 0; t < 5; t++) {
            var x = new float[batch * spec.inputSize()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextDouble();
            }
            var a = net.step(x, direct);
            var b = net.graphStep(x, graph);
            assertArrayEquals(b.probabilities(), a.probabilities(), 1e-6f);
            assertArrayEquals(b.values(), a.values(), 1e-5f);
            assertArrayEquals(b.state()[0].reshape(-1).toFloatVector(), a.state()[0].reshape(-1).toFloatVector(), 1e-6f);
            assertArrayEquals(b.state()[1].reshape(-1).toFloatVector(), a.state()[1].reshape(-1).toFloatVector(), 1e-6f);
            direct = a.state();
            graph = b.state();
        }
    }

    @Test
    void parametersRoundTrip() {
        var spec = new AgentSpec(2, 5, 10, true);
        var net = new LstmActorCritic(spec);
        var p = LstmActorCritic.initialParameters(spec, new SplittableRandom(1));
        net.setParameters(p);
        assertArrayEquals(p, net.parameters());
        assertEquals(spec.parameterCount(), p.length);
    }
}
