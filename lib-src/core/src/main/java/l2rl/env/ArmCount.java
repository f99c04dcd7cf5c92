package l2rl.env;

/** The one rule every family of arms shares. */
final class ArmCount {
    private ArmCount() {
    }

    static void require(int arms) {
        if (arms < 1) {
            throw new IllegalArgumentException("a bandit needs at least one arm, got " + arms);
        }
    }
}
