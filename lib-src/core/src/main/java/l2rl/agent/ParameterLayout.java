package l2rl.agent;

import java.util.List;

/**
 * Where each weight of the actor-critic lives in the one flat parameter vector that checkpoints store, the
 * parameter server updates and both engines read. Every block is row-major:
 * <pre>
 *   W   [I, 4H]  input weights,     gate columns i, f, g, o
 *   R   [H, 4H]  recurrent weights, gate columns i, f, g, o
 *   b   [4H]     gate bias
 *   Wp  [H, A]   policy head
 *   bp  [A]
 *   Wv  [H]      value head
 *   bv  [1]
 * </pre>
 * with I = inputs, H = LSTM units, A = arms. The order is the checkpoint format: changing it breaks every
 * saved agent.
 */
public record ParameterLayout(int inputs, int hidden, int arms) {

    /** One named block: its offset in the flat vector and its shape. */
    public record Block(String name, int offset, long... shape) {
        /** The number of trainable parameters: the length of the flat vector. */
    public int size() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return (int) n;
        }
    }

    public static ParameterLayout of(AgentSpec spec) {
        return new ParameterLayout(spec.inputSize(), spec.hidden(), spec.arms());
    }

    /** The LSTM's gates per unit: i, f, g, o. */
    public static final int GATES_PER_UNIT = 4;

    /** Gate pre-activations per step, 4H: the column count of W and R and the length of b. */
    public int gates() {
        return GATES_PER_UNIT * hidden;
    }

    /** The blocks in checkpoint order. */
    public List<Block> blocks() {
        int g = gates();
        return List.of(new Block("W", w(), inputs, g), new Block("R", r(), hidden, g), new Block("b", b(), g),
                new Block("Wp", wp(), hidden, arms), new Block("bp", bp(), arms), new Block("Wv", wv(), hidden, 1),
                new Block("bv", bv(), 1));
    }

    public int w() {
        return 0;
    }

    public int r() {
        return inputs * gates();
    }

    public int b() {
        return r() + hidden * gates();
    }

    public int wp() {
        return b() + gates();
    }

    public int bp() {
        return wp() + hidden * arms;
    }

    public int wv() {
        return bp() + arms;
    }

    public int bv() {
        return wv() + hidden;
    }

    /** The number of trainable parameters: the length of the flat vector. */
    public int size() {
        return bv() + 1;
    }
}
