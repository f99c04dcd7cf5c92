package l2rl.env;

import java.util.Arrays;

/**
 * How the previous reward reaches the agent's input: as one scalar (the paper's 3.1.1 and 3.1.2), or one-hot over a
 * finite, declared set of values (the paper's 3.1.3, whose eleven arms pay eleven distinct values). One-hot slots
 * are chosen by the index the task declares ({@link Task#rewardIndex()}), never by comparing rewards.
 *
 * @param values the values a one-hot reward takes, slot i for values[i]; empty for a scalar reward
 */
public record RewardEncoding(double[] values) {
    private static final RewardEncoding SCALAR = new RewardEncoding(new double[0]);

    public RewardEncoding {
        values = values.clone();
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a reward value must be finite, got " + v);
            }
        }
    }

    /** The reward as one input value. */
    public static RewardEncoding scalar() {
        return SCALAR;
    }

    /** The reward as a one-hot vector over {@code values}, at least two. */
    public static RewardEncoding oneHot(double... values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("a one-hot reward needs at least two values, got " + values.length);
        }
        return new RewardEncoding(values);
    }

    public boolean isOneHot() {
        return values.length > 0;
    }

    /** The number of input slots the reward takes: 1, or the number of values. */
    public int width() {
        return isOneHot() ? values.length : 1;
    }

    /** The value of one-hot slot {@code index}. */
    public double value(int index) {
        return values[index];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RewardEncoding other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** {@code scalar} or {@code one-hot over K values}, as {@code l2rl tasks} shows it. */
    @Override
    public String toString() {
        return isOneHot() ? "one-hot over " + values.length + " values" : "scalar";
    }
}
