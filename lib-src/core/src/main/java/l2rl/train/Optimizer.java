package l2rl.train;

import java.util.Arrays;

import l2rl.agent.kernels.Kernels;

/**
 * A first-order optimizer over one flat parameter vector, with its state in plain arrays so a checkpoint can
 * store it exactly. Adam (Kingma and Ba) and RMSProp (the A3C paper's choice, with decay 0.99).
 */
public final class Optimizer {
    /** The two update rules. */
    public enum Kind { ADAM, RMSPROP }

    private final Kind kind;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[] first;   // Adam: mean of gradients; RMSProp: unused
    private final double[] second;  // Adam: mean of squared gradients; RMSProp: running mean of squares
    private long steps;
    private final Kernels kernels = Kernels.best();

    public Optimizer(Kind kind, int size, double beta1, double beta2, double epsilon) {
        this.kind = kind;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.first = new double[size];
        this.second = new double[size];
    }

    public static Optimizer of(TrainConfig c, int size) {
        return c.optimizer() == Kind.ADAM
                ? new Optimizer(Kind.ADAM, size, 0.9, 0.999, c.epsilon())
                : new Optimizer(Kind.RMSPROP, size, 0.0, c.rmspropDecay(), c.epsilon());
    }

    /**
     * Moves {@code params} one step against {@code gradient} with learning rate {@code lr}, by the engine's
     * arithmetic (vectorised where the JVM has the Vector API; the same doubles either way).
     */
    public void step(float[] params, double[] gradient, double lr) {
        steps++;
        if (kind == Kind.ADAM) {
            kernels.adamStep(params, gradient, first, second, beta1, beta2, 1 - Math.pow(beta1, steps),
                    1 - Math.pow(beta2, steps), lr, epsilon);
        } else {
            kernels.rmspropStep(params, gradient, second, beta2, lr, epsilon);
        }
    }

    public Kind kind() {
        return kind;
    }

    public long steps() {
        return steps;
    }

    double[] first() {
        return first;
    }

    double[] second() {
        return second;
    }

    /** Restores a saved state (from a checkpoint). */
    void restore(long steps, double[] first, double[] second) {
        if (first.length != this.first.length || second.length != this.second.length) {
            throw new IllegalArgumentException("optimizer state has the wrong size");
        }
        this.steps = steps;
        System.arraycopy(first, 0, this.first, 0, first.length);
        System.arraycopy(second, 0, this.second, 0, second.length);
    }

    /** Scales {@code gradient} in place so its global L2 norm is at most {@code maxNorm}; returns the old norm. */
    public static double clipGlobalNorm(double[] gradient, double maxNorm) {
        double sum = 0;
        for (double g : gradient) {
            sum += g * g;
        }
        double norm = Math.sqrt(sum);
        if (maxNorm > 0 && norm > maxNorm) {
            double scale = maxNorm / norm;
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] *= scale;
            }
        }
        return norm;
    }

    @Override
    public String toString() {
        return kind + " after " + steps + " steps, |m|=" + Arrays.stream(first).map(Math::abs).sum();
    }
}
