package l2rl.plot;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * The one palette of every figure: a policy or network has the same colour wherever it is drawn, so a reader who
 * learned "Thompson is blue" in notebook 01 can read notebook 03 without its legend. The agent is red throughout
 * (the networks of notebook 05 are agents too: trained red, its controls grey and cyan); Bayes-optimal, the limit
 * every curve is measured against, is black.
 */
public final class Palette {
    public static final Color AGENT = new Color(214, 39, 40);
    /** A second agent in one figure (the pretrained one beside one trained in the notebook). */
    public static final Color AGENT_PRETRAINED = new Color(128, 0, 38);
    public static final Color BAYES_OPTIMAL = Color.BLACK;

    private static final Map<String, Color> POLICIES = Map.ofEntries(
            Map.entry("random", new Color(170, 170, 170)),
            Map.entry("greedy", new Color(140, 86, 75)),
            Map.entry("epsilon-greedy", new Color(227, 119, 194)),
            Map.entry("ucb1", new Color(44, 160, 44)),
            Map.entry("ucb", new Color(44, 160, 44)),
            Map.entry("thompson", new Color(31, 119, 180)),
            Map.entry("gittins", new Color(255, 127, 14)),
            Map.entry("bayes-optimal", BAYES_OPTIMAL),
            Map.entry("agent", AGENT),
            Map.entry("trained", AGENT),
            Map.entry("untrained", new Color(90, 90, 90)),
            Map.entry("no reward input", new Color(23, 190, 207)));

    /** Names outside the palette get one of these by their name, never by their place in a figure. */
    private static final Color[] OTHERS = {new Color(148, 103, 189), new Color(188, 189, 34), new Color(0, 128, 128),
        new Color(255, 187, 120), new Color(152, 223, 138), new Color(197, 176, 213)};

    private Palette() {
    }

    /**
     * The colour of a policy or network by name. A qualified agent ("agent (trained here)") is the agent's red,
     * except the pretrained one, which is drawn beside it and so needs its own shade.
     */
    public static Color of(String name) {
        var known = POLICIES.get(name);
        if (known != null) {
            return known;
        }
        for (var policy : List.of("gittins", "bayes-optimal")) {
            // "gittins-0.8", "bayes-optimal on held-out episodes": the same policy, qualified
            if (name.startsWith(policy + "-") || name.startsWith(policy + " ")) {
                return POLICIES.get(policy);
            }
        }
        if (name.startsWith("agent") || name.startsWith("trained")) {
            return name.contains("pretrained") ? AGENT_PRETRAINED : AGENT;
        }
        if (name.startsWith("untrained") || name.startsWith("no reward input")) {
            return POLICIES.get(name.startsWith("untrained") ? "untrained" : "no reward input");
        }
        return OTHERS[Math.floorMod(name.hashCode(), OTHERS.length)];
    }

    /** The i-th of several runs of one agent (seeds) in one figure: shades of the agent's red. */
    public static Color agentRun(int i) {
        return AGENT_RUNS[Math.floorMod(i, AGENT_RUNS.length)];
    }

    private static final Color[] AGENT_RUNS = {AGENT, AGENT_PRETRAINED, new Color(244, 132, 120)};

    /** Whether a name is an agent's (drawn thicker than the baselines it is compared with). */
    static boolean isAgent(String name) {
        return name.startsWith("agent") || name.startsWith("trained");
    }
}
