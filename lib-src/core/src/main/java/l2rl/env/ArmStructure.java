package l2rl.env;

/** How a family's arms relate, as baselines and analyses need to know it. */
public enum ArmStructure {
    /** Each arm's parameters are drawn independently (paper 3.1.1). */
    INDEPENDENT("independent"),
    /** Two arms with p2 = 1 - p1: one pull informs about both (paper 3.1.2). */
    COUPLED("coupled p2 = 1 - p1"),
    /** Any other structure (fixed arms, an informative arm, a multi-step trial...). */
    OTHER("other");

    private final String label;

    ArmStructure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
