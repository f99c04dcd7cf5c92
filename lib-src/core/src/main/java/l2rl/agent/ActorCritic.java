package l2rl.agent;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The recurrent actor-critic of Wang et al. (2016), one recurrent layer (its {@link Cell}: the paper's LSTM, or a
 * GRU) with a softmax policy head and a scalar value head, behind the engines that compute it: fused, plain Java
 * and the default ({@link FusedLstmActorCritic}, {@link FusedGruActorCritic}), and {@link SameDiffActorCritic}
 * (DL4J/ND4J, the framework reference, LSTM only). Both read the same flat parameters
 * ({@link ParameterLayout}) and the same {@link Rollout}; tests hold their values and gradients equal.
 *
 * <p>Loss of a rollout of B episodes, summed over its trials and averaged over episodes (A3C's per-rollout sum):
 * {@code L = (1/B) sum_{t,b} [ -log pi(a|h) A + beta_v 1/2 (R - V)^2 - beta_e H(pi) ]}, with advantages A and
 * returns R constants for the gradient.
 *
 * <p>Not thread-safe: each worker owns its own instance.
 */
public interface ActorCritic {

    /**
     * The engines; the config key {@code engine} names one. {@code fused}, the default: float, batch-shaped
     * ({@link BatchedActorCritic}); {@code fused-double}: the double-precision reference it is tested against, one
     * episode at a time ({@link FusedLstmActorCritic}, {@link FusedGruActorCritic}); {@code samediff}: DL4J.
     */
    enum Engine {
        FUSED, FUSED_DOUBLE, SAMEDIFF;

        /** The network of {@code spec} (its cell, its sizes) computed by this engine. */
        public ActorCritic create(AgentSpec spec) {
            requireSupports(spec.cell());
            return switch (this) {
                case SAMEDIFF -> new SameDiffActorCritic(spec);
                case FUSED -> new BatchedActorCritic(spec);
                case FUSED_DOUBLE -> spec.cell() == Cell.LSTM ? new FusedLstmActorCritic(spec)
                        : new FusedGruActorCritic(spec);
            };
        }

        /** Whether this engine computes {@code cell}: the samediff engine has no GRU (README, "cell"). */
        public boolean supports(Cell cell) {
            return this != SAMEDIFF || cell == Cell.LSTM;
        }

        public void requireSupports(Cell cell) {
            if (!supports(cell)) {
                throw new IllegalArgumentException("engine " + key() + " has no " + cell.key() + " cell");
            }
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The engine named {@code key}; an unknown name is refused naming the allowed ones. */
        public static Engine of(String key) {
            for (var e : values()) {
                if (e.key().equals(key.toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            throw new IllegalArgumentException("unknown engine '" + key + "'; allowed: fused, fused-double, samediff");
        }
    }

    /** Loss terms of a rollout (the entropy summed over trials, averaged over episodes). */
    record Losses(double loss, double policyLoss, double valueLoss, double entropy) {
    }

    AgentSpec spec();

    /**
     * Glorot-uniform cell and head weights from {@code rng}; the LSTM's forget bias and the GRU's update-gate bias
     * 1, other biases 0; pi ~ uniform.
     */
    static float[] initialParameters(AgentSpec spec, SplittableRandom rng) {
        var layout = ParameterLayout.of(spec);
        var net = new float[layout.size()];
        int in = spec.inputSize();
        int h = spec.hidden();
        int a = spec.arms();
        int g = layout.gates();
        fill(net, layout.w(), in * g, Math.sqrt(6.0 / (in + g)), rng);
        fill(net, layout.r(), h * g, Math.sqrt(6.0 / (h + g)), rng);
        // LSTM gates i, f, g, o: forget-gate bias 1, so memory lasts from the start (Jozefowicz et al. 2015) -
        // the agent must integrate evidence over the whole episode. GRU gates r, z, n: the update gate z keeps
        // h, so its bias 1 is the same choice (z = 0.73 at the start, not 0.5). Both are the second gate block.
        int keep = layout.b() + h;
        for (int k = 0; k < h; k++) {
            net[keep + k] = 1f;
        }
        fill(net, layout.wp(), h * a, 0.01 * Math.sqrt(6.0 / (h + a)), rng);  // small policy weights: pi ~ uniform
        fill(net, layout.wv(), h, Math.sqrt(6.0 / (h + 1)), rng);
        return net;
    }

    private static void fill(float[] net, int from, int count, double limit, SplittableRandom rng) {
        for (int k = 0; k < count; k++) {
            net[from + k] = (float) ((2 * rng.nextDouble() - 1) * limit);
        }
    }

    void setParameters(float[] flat);

    void setParameters(double[] flat);

    /**
     * One trial for every episode of the rollout: reads {@code x[t]}, {@code h[t]}, {@code c[t]}; writes
     * {@code h[t+1]}, {@code c[t+1]}, the gates, the policy and the value of trial t.
     */
    void act(Rollout r, int t);

    /**
     * The gradient of the loss over the rollout's trials [0, length), by exact backpropagation through the
     * rollout from its start state, flat in {@link ParameterLayout} order, into {@code gradient}; returns the loss
     * terms. The fused engine reuses the activations {@link #act} wrote into the rollout (so the rollout must have
     * been acted on with the current parameters); the samediff engine recomputes them in its graph.
     */
    Losses learn(Rollout r, double betaV, double betaE, double[] gradient);
}
