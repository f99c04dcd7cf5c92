package l2rl.agent;

import java.util.Locale;

/**
 * What the recurrent layer computes; the config key {@code cell} names one. The cell is one axis, the engine
 * ({@link ActorCritic.Engine}: how the gradient is computed) the other. {@link ParameterLayout} owns what the
 * cell's size implies: its gates per unit and so the parameter count.
 */
public enum Cell {
    /** Long short-term memory: gates i, f, g, o, a hidden state h and a cell state c. */
    LSTM(4),
    /** Gated recurrent unit with PyTorch's equations: gates r, z, n and a hidden state h only. */
    GRU(3);

    private final int gatesPerUnit;

    Cell(int gatesPerUnit) {
        this.gatesPerUnit = gatesPerUnit;
    }

    /** Gate pre-activations per hidden unit: 4 for the LSTM, 3 for the GRU. */
    public int gatesPerUnit() {
        return gatesPerUnit;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
