package l2rl.agent;

import static l2rl.agent.ActorCriticEnginesTest.BETA_E;
import static l2rl.agent.ActorCriticEnginesTest.BETA_V;
import static l2rl.agent.ActorCriticEnginesTest.forwardBackward;
import static l2rl.agent.ActorCriticEnginesTest.randomRollout;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import l2rl.agent.kernels.FloatExp;
import l2rl.agent.kernels.Kernels;
import l2rl.agent.kernels.ScalarKernels;

/**
 * The float, batch-shaped fused engine against the double-precision reference on the same rollouts (whose
 * gradients finite differences check), and its two arithmetics (Vector API and scalar) against each other, bit
 * for bit.
 */
class BatchedActorCriticTest {

    private static AgentSpec spec(String cell, int arms, int hidden, int trials) {
        return new AgentSpec(arms, hidden, trials, true).withCell(Cell.valueOf(cell));
    }

    /** The same rollout twice, for two engines. */
    private static Rollout[] twin(AgentSpec spec, int batch, int length, boolean carried, long seed) {
        var a = randomRollout(spec, batch, length, carried, new SplittableRandom(seed));
        var b = randomRollout(spec, batch, length, carried, new SplittableRandom(seed));
        return new Rollout[] {a, b};
    }

    private static double relativeError(double[] got, double[] reference) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < got.length; i++) {
            diff += (got[i] - reference[i]) * (got[i] - reference[i]);
            norm += reference[i] * reference[i];
        }
        return Math.sqrt(diff / norm);
    }

    @ParameterizedTest(name = "{0} A={1} H={2} B={3} T={4} carried={5}")
    @CsvSource({"LSTM, 2, 48, 8, 5, false", "LSTM, 2, 48, 8, 5, true", "LSTM, 2, 48, 1, 6, true",
            "LSTM, 3, 5, 3, 4, true", "LSTM, 11, 20, 6, 5, false", "GRU, 2, 56, 8, 5, false", "GRU, 2, 56, 8, 5, true",
            "GRU, 2, 56, 1, 6, true", "GRU, 3, 5, 3, 4, true", "GRU, 11, 17, 5, 5, true"})
    void floatGradientIsTheDoubleGradientToOnePartIn10000(String cell, int arms, int hidden, int batch, int length,
            boolean carried) {
        var spec = spec(cell, arms, hidden, 100);
        var params = ActorCritic.initialParameters(spec, new SplittableRandom(hidden * 31L + batch));
        // trained weights are larger than initial ones; perturb so every gate is away from its linear regime
        var rng = new SplittableRandom(17);
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) (0.3 * (rng.nextDouble() - 0.5));
        }
        var ro = twin(spec, batch, length, carried, 5 + batch);
        var reference = ActorCritic.Engine.FUSED_DOUBLE.create(spec);
        var batched = ActorCritic.Engine.FUSED.create(spec);
        reference.setParameters(params);
        batched.setParameters(params);
        var gd = new double[spec.parameterCount()];
        var gf = new double[spec.parameterCount()];
        var ld = forwardBackward(reference, ro[0], gd);
        var lf = forwardBackward(batched, ro[1], gf);
        double error = relativeError(gf, gd);
        assertTrue(error <= 1e-4, "||g_float - g_double|| / ||g_double|| = " + error);
        assertEquals(ld.loss(), lf.loss(), 1e-5 * Math.max(1, Math.abs(ld.loss())));
        assertEquals(ld.entropy(), lf.entropy(), 1e-5 * Math.max(1, Math.abs(ld.entropy())));
        int steps = length * batch;
        for (int i = 0; i < steps * arms; i++) {
            assertEquals(ro[0].probs[i], ro[1].probs[i], 2e-6, "pi[" + i + "]");
        }
        for (int i = 0; i < steps; i++) {
            assertEquals(ro[0].values[i], ro[1].values[i], 2e-5 * Math.max(1, Math.abs(ro[0].values[i])), "V");
        }
        for (int i = 0; i < (length + 1) * batch * hidden; i++) {
            assertEquals(ro[0].h[i], ro[1].h[i], 2e-6, "h[" + i + "]");
        }
    }

    @ParameterizedTest(name = "{0} H={1} B={2}")
    @CsvSource({"LSTM, 48, 8", "LSTM, 48, 1", "LSTM, 7, 5", "GRU, 56, 8", "GRU, 56, 3", "GRU, 9, 12"})
    void vectorAndScalarKernelsAgreeToTheBit(String cell, int hidden, int batch) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Kernels.vectorized(),
                "this JVM has no jdk.incubator.vector: only the scalar kernels exist");
        var spec = spec(cell, 2, hidden, 100);
        var params = ActorCritic.initialParameters(spec, new SplittableRandom(3));
        var ro = twin(spec, batch, 5, true, 11);
        var vector = new BatchedActorCritic(spec, Kernels.best());
        var scalar = new BatchedActorCritic(spec, new ScalarKernels());
        vector.setParameters(params);
        scalar.setParameters(params);
        var gv = new double[spec.parameterCount()];
        var gs = new double[spec.parameterCount()];
        forwardBackward(vector, ro[0], gv);
        forwardBackward(scalar, ro[1], gs);
        assertArrayEquals(ro[1].probs, ro[0].probs);
        assertArrayEquals(ro[1].values, ro[0].values);
        assertArrayEquals(ro[1].h, ro[0].h);
        assertArrayEquals(ro[1].c, ro[0].c);
        assertArrayEquals(gs, gv);
    }

    @ParameterizedTest(name = "{0} parameters")
    @CsvSource({"10597", "7", "64"})
    void vectorAndScalarOptimizerStepsAgreeToTheBit(int size) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Kernels.vectorized(),
                "this JVM has no jdk.incubator.vector: only the scalar kernels exist");
        var random = new SplittableRandom(5);
        float[][] params = new float[2][size];
        double[][] m = new double[2][size];
        double[][] v = new double[2][size];
        Kernels[] kernels = {Kernels.best(), new ScalarKernels()};
        for (int step = 1; step <= 3; step++) {
            double[] g = random.doubles(size, -2, 2).toArray();
            for (int k = 0; k < 2; k++) {
                kernels[k].adamStep(params[k], g, m[k], v[k], 0.9, 0.999, 1 - Math.pow(0.9, step),
                        1 - Math.pow(0.999, step), 1e-3, 1e-6);
                kernels[k].rmspropStep(params[k], g, v[k], 0.99, 7e-4, 1e-6);
            }
        }
        assertArrayEquals(params[1], params[0]);
        assertArrayEquals(m[1], m[0]);
        assertArrayEquals(v[1], v[0]);
    }

    @Test
    void theFloatExponentialIsWithinAFewUlpsOfMathExp() {
        double worst = 0;
        for (double x = -60; x <= 60; x += 0.001) {
            float f = (float) x;
            double exact = Math.exp(f);
            worst = Math.max(worst, Math.abs(FloatExp.exp(f) - exact) / exact);
        }
        assertTrue(worst < 3e-7, "worst relative error " + worst);
        assertEquals(0.5f, FloatExp.sigmoid(0f));
        assertEquals(0f, FloatExp.tanh(0f));
        assertEquals(1f, FloatExp.sigmoid(200f));
        assertEquals(0f, FloatExp.sigmoid(-200f), 1e-37);
        assertEquals(-1f, FloatExp.tanh(-200f));
    }

    @Test
    void rolloutsOfOneTrialCarryingTheStateSeeWhatOneLongRolloutSees() {
        for (var cell : Cell.values()) {
            var spec = spec(cell.name(), 2, 8, 6);
            ActorCriticEnginesTest.assertOneTrialRolloutsSeeTheLongRollout(ActorCritic.Engine.FUSED.create(spec), spec,
                    0, cell + " ");
        }
    }

    @Test
    void learningNeedsTheRolloutActedOnLast() {
        var spec = spec("LSTM", 2, 8, 6);
        var net = ActorCritic.Engine.FUSED.create(spec);
        net.setParameters(ActorCritic.initialParameters(spec, new SplittableRandom(1)));
        var a = randomRollout(spec, 2, 3, false, new SplittableRandom(1));
        var b = randomRollout(spec, 2, 3, false, new SplittableRandom(2));
        for (int t = 0; t < 3; t++) {
            net.act(a, t);
        }
        net.act(b, 0);
        assertThrows(IllegalStateException.class, () -> net.learn(a, BETA_V, BETA_E, new double[spec.parameterCount()]));
    }
}
