package l2rl.train;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The fifteen agents of experiments 3.1.1 and 3.1.2 in data/agents (five families, seeds 1-3), written before the
 * config key {@code cell} and checkpoint version 2 came; the agents shipped after them (GRUs, the next
 * experiments' families) are written by today's code.
 */
final class ShippedAgents {
    private static final Pattern LEGACY = Pattern.compile(
            "(independent|dependent-uniform|easy|medium|hard)(-seed[23])?");

    private ShippedAgents() {
    }

    /** Whether the run directory {@code runDir} (data/agents/NAME or data/agents/more-seeds/NAME) is one of them. */
    static boolean isLegacy(Path runDir) {
        var parent = runDir.getParent().getFileName().toString();
        return (parent.equals("agents") || parent.equals("more-seeds"))
                && LEGACY.matcher(runDir.getFileName().toString()).matches();
    }
}
