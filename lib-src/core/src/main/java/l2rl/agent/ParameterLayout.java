package l2rl.agent;

import java.util.List;

/**
 * Where each weight of the actor-critic lives in the one flat parameter vector that checkpoints store, the
 * parameter server updates and both engines read, and so how many there are. It owns the cell's gate count: G = 4
 * gates per unit for the LSTM (i, f, g, o), 3 for the GRU (r, z, n). Every block is row-major:
 * <pre>
 *   W   [I, GH]  input weights,     gate columns i, f, g, o (LSTM) or r, z, n (GRU)
 *   R   [H, GH]  recurrent weights, same gate columns
 *   b   [GH]     gate bias
 *   bn  [H]      GRU only: the recurrent bias of the candidate n, applied inside r * (h R_n + bn)
 *   Wp  [H, A]   policy head
 *   bp  [A]
 *   Wv  [H]      value head
 *   bv  [1]
 * </pre>
 * with I = inputs, H = recurrent units, A = arms. The order is the checkpoint format: changing it breaks every
 * saved agent (an LSTM's layout is the one every agent was saved in before the GRU existed).
 */
public record ParameterLayout(Cell cell, int inputs, int hidden, int arms) {

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
        return new ParameterLayout(spec.cell(), spec.inputSize(), spec.hidden(), spec.arms());
    }

    /** Gate pre-activations per step, GH (4H for the LSTM, 3H for the GRU): the columns of W and R, the length of b. */
    public int gates() {
        return cell.gatesPerUnit() * hidden;
    }

    /** The blocks in checkpoint order. */
    public List<Block> blocks() {
        int g = gates();
        var blocks = new java.util.ArrayList<>(List.of(new Block("W", w(), inputs, g),
                new Block("R", r(), hidden, g), new Block("b", b(), g)));
        if (cell == Cell.GRU) {
            blocks.add(new Block("bn", bn(), hidden));
        }
        blocks.addAll(List.of(new Block("Wp", wp(), hidden, arms), new Block("bp", bp(), arms),
                new Block("Wv", wv(), hidden, 1), new Block("bv", bv(), 1)));
        return List.copyOf(blocks);
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

    /** The GRU's recurrent candidate bias bn; for the LSTM, an empty block where Wp starts. */
    public int bn() {
        return b() + gates();
    }

    public int wp() {
        return bn() + (cell == Cell.GRU ? hidden : 0);
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
