package l2rl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The fused engine's gradient against central finite differences, and the two engines against each other on the
 * same rollouts: policies, values and gradients.
 */
class ActorCriticEnginesTest {
    static final double BETA_V = 0.05;
    static final double BETA_E = 0.3;

    /** Random inputs, actions and targets for {@code length} trials of {@code batch} episodes. */
    static Rollout randomRollout(AgentSpec spec, int batch, int length, boolean randomStartState, SplittableRandom rng) {
        var r = new Rollout(spec, batch, length);
        for (int i = 0; i < length * batch * r.inputs; i++) {
            r.x[i] = rng.nextDouble();
        }
        for (int s = 0; s < length * batch; s++) {
            r.actions[s] = rng.nextInt(spec.arms());
            r.advantages[s] = 2 * rng.nextDouble() - 1;
            r.returns[s] = 3 * rng.nextDouble();
        }
        r.startEpisode();
        if (randomStartState) {
            for (int i = 0; i < batch * spec.hidden(); i++) {
                r.h[i] = 1.6 * rng.nextDouble() - 0.8;
                r.c[i] = 4 * rng.nextDouble() - 2;
            }
        }
        r.setLength(length);
        return r;
    }

    static double[] randomParameters(AgentSpec spec, SplittableRandom rng) {
        var p = new double[spec.parameterCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextDouble() - 0.5;
        }
        return p;
    }

    /** Acts over every trial of the rollout, then learns; returns the losses, gradient into {@code grad}. */
    static ActorCritic.Losses forwardBackward(ActorCritic net, Rollout r, double[] grad) {
        for (int t = 0; t < r.length(); t++) {
            net.act(r, t);
        }
        return net.learn(r, BETA_V, BETA_E, grad);
    }

    /** The fused engine's worst relative gradient error against central differences; the spec's cell decides which. */
    static double worstFiniteDifferenceError(AgentSpec spec, Rollout rollout, long seed) {
        var net = ActorCritic.Engine.FUSED_DOUBLE.create(spec);
        var params = randomParameters(spec, new SplittableRandom(seed));
        net.setParameters(params);
        var grad = new double[params.length];
        var losses = forwardBackward(net, rollout, grad);
        assertEquals(losses.policyLoss() + BETA_V * losses.valueLoss() - BETA_E * losses.entropy(), losses.loss(), 1e-12);
        var scratch = new double[params.length];
        double eps = 1e-6;
        double worst = 0;
        for (int i = 0; i < params.length; i++) {
            double saved = params[i];
            params[i] = saved + eps;
            net.setParameters(params);
            double up = forwardBackward(net, rollout, scratch).loss();
            params[i] = saved - eps;
            net.setParameters(params);
            double down = forwardBackward(net, rollout, scratch).loss();
            params[i] = saved;
            double numeric = (up - down) / (2 * eps);
            worst = Math.max(worst, Math.abs(numeric - grad[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(grad[i])));
        }
        return worst;
    }

    @Test
    void fusedGradientMatchesFiniteDifferencesFromAZeroState() {
        var spec = new AgentSpec(2, 3, 5, true);
        var rollout = randomRollout(spec, 2, 5, false, new SplittableRandom(7));
        double worst = worstFiniteDifferenceError(spec, rollout, 1);
        assertTrue(worst < 1e-6, "worst relative gradient error " + worst);
    }

    @Test
    void fusedGradientMatchesFiniteDifferencesFromANonZeroStartState() {
        var spec = new AgentSpec(3, 4, 10, true);
        var rollout = randomRollout(spec, 3, 4, true, new SplittableRandom(8));
        double worst = worstFiniteDifferenceError(spec, rollout, 2);
        assertTrue(worst < 1e-6, "worst relative gradient error " + worst);
    }

    @Test
    void fusedGradientOfATruncatedRolloutMatchesFiniteDifferences() {
        // the second rollout of an episode: its start state is where the first rollout (same weights) ended, and
        // the loss of the second rollout alone is differentiated with that state held fixed (truncated BPTT)
        var spec = new AgentSpec(2, 4, 10, true);
        var rng = new SplittableRandom(9);
        var first = randomRollout(spec, 2, 3, false, rng);
        var net = new FusedLstmActorCritic(spec);
        net.setParameters(randomParameters(spec, new SplittableRandom(3)));
        for (int t = 0; t < 3; t++) {
            net.act(first, t);
        }
        var second = randomRollout(spec, 2, 4, false, rng);
        System.arraycopy(first.h, 3 * 2 * 4, second.h, 0, 2 * 4);
        System.arraycopy(first.c, 3 * 2 * 4, second.c, 0, 2 * 4);
        assertTrue(second.h[0] != 0, "the truncated rollout must start from a non-zero state");
        double worst = worstFiniteDifferenceError(spec, second, 3);
        assertTrue(worst < 1e-6, "worst relative gradient error " + worst);
    }

    @Test
    void everyParameterBlockReceivesGradient() {
        var spec = new AgentSpec(2, 3, 5, true);
        var net = new FusedLstmActorCritic(spec);
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
        assertEquals(spec.parameterCount(), ParameterLayout.of(spec).size());
    }

    @Test
    void enginesAgreeInDoublePrecision() {
        var spec = new AgentSpec(2, 6, 8, true);
        var params = randomParameters(spec, new SplittableRandom(5));
        var fused = new FusedLstmActorCritic(spec);
        var sameDiff = new SameDiffActorCritic(spec, DataType.DOUBLE);
        fused.setParameters(params);
        sameDiff.setParameters(params);
        assertEnginesAgree(spec, fused, sameDiff, 1e-9, new SplittableRandom(6));
    }

    @Test
    void enginesAgreeInFloatOnTheAgentsSize() {
        var spec = new AgentSpec(2, 48, 100, true);
        var fused = new FusedLstmActorCritic(spec);
        var sameDiff = new SameDiffActorCritic(spec);
        var params = ActorCritic.initialParameters(spec, new SplittableRandom(12));
        fused.setParameters(params);
        sameDiff.setParameters(params);
        assertEnginesAgree(spec, fused, sameDiff, 1e-5, new SplittableRandom(13));
    }

    /**
     * Why TrainConfig refuses the samediff engine with truncated rollouts: from a non-zero start state libnd4j
     * 1.0.0-M2.1's lstmLayer backward pass disagrees with the fused gradient, which matches finite differences
     * there (above), while the forward pass agrees. If a DL4J upgrade fixes it, this fails: lift the restriction.
     */
    @Test
    void sameDiffGradientFromANonZeroStartStateIsWrongInThisDl4jVersion() {
        var spec = new AgentSpec(2, 6, 8, true);
        var params = randomParameters(spec, new SplittableRandom(5));
        var fused = new FusedLstmActorCritic(spec);
        var sameDiff = new SameDiffActorCritic(spec, DataType.DOUBLE);
        fused.setParameters(params);
        sameDiff.setParameters(params);
        var error = org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> assertEnginesAgree(spec, fused, sameDiff, 1e-9, new SplittableRandom(6), true));
        assertTrue(error.getMessage().startsWith("gradients"), error.getMessage());
    }

    private static void assertEnginesAgree(AgentSpec spec, ActorCritic a, ActorCritic b, double tolerance,
            SplittableRandom rng) {
        assertEnginesAgree(spec, a, b, tolerance, rng, false);
    }

    /** Same rollout through both engines: policies, values, loss terms and gradients. */
    private static void assertEnginesAgree(AgentSpec spec, ActorCritic a, ActorCritic b, double tolerance,
            SplittableRandom rng, boolean randomStartState) {
        var ra = randomRollout(spec, 3, 7, randomStartState, rng);
        var rb = randomRollout(spec, 3, 7, false, new SplittableRandom(0));
        copyInputs(ra, rb);
        var ga = new double[spec.parameterCount()];
        var gb = new double[spec.parameterCount()];
        var la = forwardBackward(a, ra, ga);
        var lb = forwardBackward(b, rb, gb);
        assertClose(ra.probs, rb.probs, 7 * 3 * spec.arms(), tolerance, "policies");
        assertClose(ra.values, rb.values, 7 * 3, tolerance, "values");
        assertClose(ra.h, rb.h, 8 * 3 * spec.hidden(), tolerance, "hidden states");
        assertEquals(lb.loss(), la.loss(), tolerance * Math.max(1, Math.abs(lb.loss())), "loss");
        assertEquals(lb.entropy(), la.entropy(), tolerance * Math.max(1, Math.abs(lb.entropy())), "entropy");
        assertClose(ga, gb, ga.length, tolerance, "gradients");
    }

    private static void copyInputs(Rollout from, Rollout to) {
        System.arraycopy(from.x, 0, to.x, 0, from.x.length);
        System.arraycopy(from.actions, 0, to.actions, 0, from.actions.length);
        System.arraycopy(from.advantages, 0, to.advantages, 0, from.advantages.length);
        System.arraycopy(from.returns, 0, to.returns, 0, from.returns.length);
        System.arraycopy(from.h, 0, to.h, 0, from.h.length);
        System.arraycopy(from.c, 0, to.c, 0, from.c.length);
    }

    /** |a - b| <= tolerance * max(1, |b|) elementwise over the first n entries. */
    private static void assertClose(double[] a, double[] b, int n, double tolerance, String what) {
        for (int i = 0; i < n; i++) {
            double bound = tolerance * Math.max(1, Math.abs(b[i]));
            assertTrue(Math.abs(a[i] - b[i]) <= bound, what + "[" + i + "]: " + a[i] + " vs " + b[i]);
        }
    }

    @Test
    void lossTermsMatchTheirDefinitionsOnAKnownCase() {
        // All parameters zero: pi uniform, V = 0 everywhere.
        var spec = new AgentSpec(2, 3, 4, true);
        var net = new FusedLstmActorCritic(spec);
        net.setParameters(new double[spec.parameterCount()]);
        var rollout = randomRollout(spec, 2, 4, false, new SplittableRandom(3));
        var l = forwardBackward(net, rollout, new double[spec.parameterCount()]);
        double advSum = 0;
        double sq = 0;
        for (int s = 0; s < 8; s++) {
            advSum += rollout.advantages[s];
            sq += rollout.returns[s] * rollout.returns[s];
        }
        assertEquals(-Math.log(0.5) * advSum / 2, l.policyLoss(), 1e-12);
        assertEquals(0.5 * sq / 2, l.valueLoss(), 1e-12);
        assertEquals(8 * Math.log(2) / 2, l.entropy(), 1e-12);
    }

    @Test
    void rolloutsOfOneTrialCarryingTheStateSeeWhatOneLongRolloutSees() {
        var spec = new AgentSpec(2, 8, 6, true);
        assertOneTrialRolloutsSeeTheLongRollout(new FusedLstmActorCritic(spec), spec, 1e-15, "");
    }

    /**
     * {@code net} acting on 6 trials of 3 episodes in one rollout, and again one trial per rollout with the state
     * carried between them, gives every trial the same value, to {@code tolerance}.
     */
    static void assertOneTrialRolloutsSeeTheLongRollout(ActorCritic net, AgentSpec spec, double tolerance,
            String label) {
        net.setParameters(ActorCritic.initialParameters(spec, new SplittableRandom(11)));
        int batch = 3;
        int length = 6;
        var whole = randomRollout(spec, batch, length, false, new SplittableRandom(5));
        for (int t = 0; t < length; t++) {
            net.act(whole, t);
        }
        var step = new Rollout(spec, batch, 1);
        step.startEpisode();
        for (int t = 0; t < length; t++) {
            System.arraycopy(whole.x, t * batch * step.inputs, step.x, 0, batch * step.inputs);
            net.act(step, 0);
            step.setLength(1);
            for (int b = 0; b < batch; b++) {
                assertEquals(whole.values[whole.at(t, b)], step.values[b], tolerance, label + "b=" + b + " t=" + t);
            }
            step.continueEpisode();
        }
    }
}
