package l2rl.sweep;

import java.io.Serializable;

/**
 * What a finished run's task sends back to the driver: its row, and the trained weights, which the driver keeps
 * as an agent directory (so executors need no shared file system).
 */
public record RunOutcome(RunResult result, float[] parameters) implements Serializable {
}
